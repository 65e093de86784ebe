package org.devmodel.pci.emul;

import org.devmodel.core.KernelException;
import org.devmodel.core.log.KernelLog;
import org.devmodel.core.log.VirtualClock;
import org.devmodel.pci.PciAddress;

/**
 * What the PCI core offers one emulated function, as QEMU's {@code PCIDevice} offers its device:
 * DMA as a bus master through the IOMMU, its INTx pin and MSI, and the kernel's clock and log.
 */
public interface EmulationContext {

    /** {@return the function's address, for log messages} */
    PciAddress address();

    /** {@return the kernel's virtual clock: device time, on which models schedule their work} */
    VirtualClock clock();

    /** {@return the kernel log} */
    KernelLog log();

    /**
     * {@code pci_dma_read}: reads memory as a bus master.
     *
     * @param iova the bus address
     * @param length how many bytes
     * @return the bytes
     * @throws KernelException EIO (logged) when COMMAND's bus-master bit is clear; EFAULT on an
     *     IOMMU fault (logged); no memory is touched either way
     */
    byte[] dmaRead(long iova, int length) throws KernelException;

    /**
     * {@code pci_dma_write}: writes memory as a bus master.
     *
     * @param iova the bus address
     * @param data the bytes
     * @throws KernelException EIO (logged) when COMMAND's bus-master bit is clear; EFAULT on an
     *     IOMMU fault (logged); no memory is touched either way
     */
    void dmaWrite(long iova, byte[] data) throws KernelException;

    /** {@return {@code msi_enabled}: whether the MSI capability's enable bit is set} */
    boolean msiEnabled();

    /**
     * {@code pci_set_irq}: drives the INTx pin (level-triggered).
     *
     * @param asserted the level
     */
    void setIntx(boolean asserted);

    /**
     * {@code msi_notify}: sends an MSI message. It is dropped when MSI is disabled, the vector is
     * not enabled, or the function is no bus master (the message is a memory write).
     *
     * @param vector the vector
     */
    void notifyMsi(int vector);
}
