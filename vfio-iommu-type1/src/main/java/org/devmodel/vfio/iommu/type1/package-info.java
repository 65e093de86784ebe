/**
 * The type1 IOMMU backend of VFIO ({@code drivers/vfio/vfio_iommu_type1.c}, v3.14): the module, the
 * backend's operations, the per-container state with its ordered list of DMA mappings, and page
 * pinning with locked-memory accounting. Nothing here is exported; vfio reaches the backend through
 * the SPI of {@code org.devmodel.iommu.vfio} and devices through {@code org.devmodel.iommu.Iommu}.
 *
 * <p>I/O virtual addresses, user addresses and sizes are unsigned 64-bit values held in
 * {@code long}, compared with {@link java.lang.Long#compareUnsigned}. Arguments are never null.
 */
package org.devmodel.vfio.iommu.type1;
