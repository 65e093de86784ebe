package org.devmodel.vfio.client;

import org.devmodel.vfio.uapi.VfioIoctls;

/** The IOMMU models of v3.14, as {@code VFIO_CHECK_EXTENSION} and {@code VFIO_SET_IOMMU} name them. */
public enum IommuType {
    /** {@code VFIO_TYPE1_IOMMU}: x86's type1 backend ({@code vfio_iommu_type1}), mappings by IOVA. */
    TYPE1(VfioIoctls.VFIO_TYPE1_IOMMU),
    /** {@code VFIO_SPAPR_TCE_IOMMU}: POWER's TCE tables ({@code vfio_iommu_spapr_tce}), one DMA window. */
    SPAPR_TCE(VfioIoctls.VFIO_SPAPR_TCE_IOMMU);

    private final int value;

    IommuType(int value) {
        this.value = value;
    }

    /** {@return the UAPI's number for it} */
    public int value() {
        return value;
    }
}
