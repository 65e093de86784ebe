/**
 * The PCI core as drivers see it ({@code include/linux/pci.h}): functions and their config space,
 * BARs, PCI drivers with id tables, binding through {@code new_id} and {@code driver_override}, and
 * the interrupt and DMA paths of a function. Reach it with {@code kernel.subsystem(Pci.class)}.
 *
 * <p>Arguments are never null; an absent value is an {@link java.util.Optional}. Offsets and sizes
 * out of range are caller mistakes ({@link java.lang.IllegalArgumentException}); what the kernel
 * refuses is a {@link org.devmodel.core.KernelException} with the kernel's errno.
 */
package org.devmodel.pci;
