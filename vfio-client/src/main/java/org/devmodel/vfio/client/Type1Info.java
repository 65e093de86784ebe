package org.devmodel.vfio.client;

import org.devmodel.vfio.uapi.VfioIoctls;

/**
 * {@code struct vfio_iommu_type1_info}, the answer of {@code VFIO_IOMMU_GET_INFO} on a type1
 * container.
 *
 * @param flags {@code VFIO_IOMMU_INFO_*}; v3.14's type1 answers 0 here although it fills in the page
 *     sizes
 * @param iovaPageSizes a bit per page size the IOMMU maps ({@code iova_pgsizes}): bit 12 for 4 KiB
 */
public record Type1Info(int flags, long iovaPageSizes) {
    /** {@return the smallest page size the IOMMU maps, the granularity of DMA mappings; 0 if none is given} */
    public long minimumPageSize() {
        return Long.lowestOneBit(iovaPageSizes);
    }

    /** {@return whether {@code flags} vouches for {@code iova_pgsizes} ({@code VFIO_IOMMU_INFO_PGSIZES})} */
    public boolean pageSizesValid() {
        return (flags & VfioIoctls.VFIO_IOMMU_INFO_PGSIZES) != 0;
    }
}
