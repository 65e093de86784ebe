package org.devmodel.vfio.client;

/**
 * {@code struct vfio_iommu_spapr_tce_info}, the answer of {@code VFIO_IOMMU_SPAPR_TCE_GET_INFO} on an
 * sPAPR TCE container: the group's 32-bit DMA window, the only I/O addresses its mappings may use.
 *
 * @param flags none are defined in v3.14, which answers 0
 * @param windowStart {@code dma32_window_start}, the window's first I/O address
 * @param windowSize {@code dma32_window_size}, its length in bytes
 */
public record SpaprTceInfo(int flags, long windowStart, long windowSize) {
    /** {@return the first I/O address past the window} */
    public long windowEnd() {
        return windowStart + windowSize;
    }
}
