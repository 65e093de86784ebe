/**
 * The device-emulation SPI: a {@link org.devmodel.pci.emul.PciDeviceModel} named by the platform
 * creates the state of each function it emulates, and talks back to the PCI core through an
 * {@link org.devmodel.pci.emul.EmulationContext} (DMA as a bus master, interrupts, device time).
 *
 * <p>Arguments are never null. Models run on the threads of their callers (MMIO accesses) and of
 * the kernel's virtual clock (their timers), so their state must be guarded.
 */
package org.devmodel.pci.emul;
