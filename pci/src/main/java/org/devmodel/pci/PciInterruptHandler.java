package org.devmodel.pci;

/**
 * Where a function's interrupts go: to the driver bound to it (vfio-pci turns them into eventfd
 * signals). Called on the thread on which the device raised the interrupt (an MMIO access or a
 * virtual-clock timer), without PCI core locks held; it must not block.
 */
public interface PciInterruptHandler {

    /**
     * The function's INTx line changed level. Only changes the function can signal are delivered:
     * none while COMMAND's INTx-disable bit is set, and a deassertion when the bit is set while the
     * line is asserted.
     *
     * @param function the function
     * @param asserted the new level
     */
    void onIntx(PciFunction function, boolean asserted);

    /**
     * The function wrote an MSI message: MSI is enabled and the function is a bus master.
     *
     * @param function the function
     * @param vector the vector, below the number the MSI capability enables
     */
    void onMsi(PciFunction function, int vector);
}
