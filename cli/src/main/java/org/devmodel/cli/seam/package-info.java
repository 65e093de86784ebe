/**
 * The seams between the CLI and parts of the kernel that other modules provide: the module loader,
 * PCI binding and eventfds. {@link org.devmodel.cli.seam.Seams} is the one place that connects them
 * to a booted kernel; until a part exists, its stand-in fails with {@link
 * org.devmodel.cli.seam.NotAvailableException} and the script stops with a run-time error.
 */
package org.devmodel.cli.seam;
