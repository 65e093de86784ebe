/**
 * QEMU's educational PCI device {@code edu} ({@code hw/misc/edu.c}, {@code docs/specs/edu.txt}),
 * a device model with a factorial unit, interrupts and a DMA engine, run on the kernel's virtual
 * clock. Not exported; found through the device-emulation SPI.
 */
package org.devmodel.pci.internal.edu;
