package org.devmodel.pci;

import java.util.List;
import java.util.Optional;
import org.devmodel.core.KernelException;
import org.devmodel.core.device.Device;

/**
 * {@code struct pci_dev}: one function on the PCI bus, with its config space, its BARs, its
 * interrupts and its DMA. The PCI core creates one per platform entry at boot; drivers get it in
 * {@link PciDriver#probe} or from {@link Pci#function(String)}.
 */
public interface PciFunction {

    /** {@return the address} */
    PciAddress address();

    /** {@return the device on bus {@code pci}, named by the address} */
    Device device();

    /** {@return the name of the device model emulating it, e.g. {@code edu}} */
    String modelName();

    /** {@return the config space} */
    ConfigSpace config();

    /** {@return the memory BARs it implements, by index} */
    List<PciBar> bars();

    /**
     * {@return a BAR it implements}
     *
     * @param index 0 to 5
     */
    Optional<PciBar> bar(int index);

    /** {@return the number of MSI vectors its capability offers; 0 without an MSI capability} */
    int msiVectors();

    /** {@return whether it has a function-level reset method; edu has none (no FLR, no PM)} */
    boolean hasResetMethod();

    /**
     * {@code pci_reset_function}: resets the device's state and its config space to power-on
     * values (COMMAND clear, BARs unassigned, MSI disabled); device-specific space after the
     * capabilities keeps its bytes, as QEMU's device reset leaves it.
     *
     * @throws KernelException ENOTTY without a reset method, as {@code __pci_dev_reset} answers
     */
    void reset() throws KernelException;

    /**
     * Routes the function's interrupts to a handler; the bound driver calls it, usually in probe.
     * The PCI core clears it when the driver is unbound.
     *
     * @param handler receives INTx level changes and MSI messages, or null to drop them again
     * @throws IllegalStateException when no driver is bound
     */
    void setInterruptHandler(PciInterruptHandler handler);

    /**
     * DMA by the function: reads memory through the IOMMU domain attached to its group.
     *
     * @param iova the bus address
     * @param length how many bytes
     * @return the bytes
     * @throws KernelException EIO (logged) when COMMAND's bus-master bit is clear; EFAULT on an
     *     IOMMU fault (logged by the iommu core); no memory is touched either way
     */
    byte[] dmaRead(long iova, int length) throws KernelException;

    /**
     * DMA by the function: writes memory through the IOMMU domain attached to its group.
     *
     * @param iova the bus address
     * @param data the bytes
     * @throws KernelException EIO (logged) when COMMAND's bus-master bit is clear; EFAULT on an
     *     IOMMU fault (logged by the iommu core); no memory is touched either way
     */
    void dmaWrite(long iova, byte[] data) throws KernelException;
}
