/**
 * The seams between the CLI and parts of the kernel that other modules provide: the module loader
 * and PCI binding, with their tools' words. {@link org.devmodel.cli.seam.Seams} is the one place
 * that connects them to a booted kernel; a command the kernel cannot run (no PCI bus) fails with {@link
 * org.devmodel.cli.seam.NotAvailableException} and the script stops with a run-time error.
 */
package org.devmodel.cli.seam;
