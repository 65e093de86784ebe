package org.devmodel.pci.internal.platform;

/**
 * The 32-bit DMA window of a group on an sPAPR platform: the I/O addresses its TCE table translates.
 *
 * @param start the first address, 4 KiB-aligned
 * @param size the length in bytes, 4 KiB-aligned, above 0, ending at or below 4 GiB
 */
public record TceWindow(long start, long size) {
    /**
     * What v3.14's {@code pnv_pci_ioda2_setup_dma_pe} gives every PE of a PowerNV PHB3: 0 up to
     * {@code 1 << ilog2(m32_pci_base)}, the 32-bit MMIO window's PCI base, which OPAL firmware puts
     * at 2 GiB.
     */
    public static final TceWindow IODA2_DEFAULT = new TceWindow(0, 0x8000_0000L);

    @Override
    public String toString() {
        return String.format("0x%x+0x%x", start, size);
    }
}
