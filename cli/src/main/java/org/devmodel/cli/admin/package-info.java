/**
 * The admin tools a script drives a booted kernel with, in their tools' words: kmod's
 * ({@code modprobe}, {@code rmmod}, {@code lsmod}, {@code modinfo}) over the module loader, and the
 * sysfs writes that bind PCI functions. {@link org.devmodel.cli.admin.BootedKernel} connects them,
 * with the ioctl descriptions of the kernel's index, to one kernel.
 */
package org.devmodel.cli.admin;
