package org.devmodel.iommu;

/** Which way a DMA moves data, as the IOMMU checks it against a mapping's permissions. */
public enum DmaDirection {
    /** The device reads memory: the mapping needs {@code IOMMU_READ}. */
    READ,
    /** The device writes memory: the mapping needs {@code IOMMU_WRITE}. */
    WRITE
}
