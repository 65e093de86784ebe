/**
 * The VFIO IOMMU backend SPI ({@code vfio_iommu_driver_ops}): the types a backend implements; the
 * registry that holds them is vfio's.
 *
 * <p>Arguments are never null unless a parameter says otherwise.
 */
package org.devmodel.iommu.vfio;
