package org.devmodel.vfio.client;

import org.devmodel.vfio.uapi.VfioIoctls;

/**
 * What a device may do with a DMA mapping: the {@code VFIO_DMA_MAP_FLAG_*} bits. v3.14's type1
 * refuses a mapping with neither bit (EINVAL), so there is no value for that.
 */
public enum DmaAccess {
    /** The device may read the memory ({@code VFIO_DMA_MAP_FLAG_READ}). */
    READ(VfioIoctls.VFIO_DMA_MAP_FLAG_READ),
    /** The device may write the memory ({@code VFIO_DMA_MAP_FLAG_WRITE}). */
    WRITE(VfioIoctls.VFIO_DMA_MAP_FLAG_WRITE),
    /** Both. */
    READ_WRITE(VfioIoctls.VFIO_DMA_MAP_FLAG_READ | VfioIoctls.VFIO_DMA_MAP_FLAG_WRITE);

    private final int flags;

    DmaAccess(int flags) {
        this.flags = flags;
    }

    /** {@return the {@code flags} of {@code struct vfio_iommu_type1_dma_map}} */
    public int flags() {
        return flags;
    }
}
