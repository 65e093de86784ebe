/**
 * The {@code vfio_noiommu} backend: a VFIO IOMMU backend that gives userspace a device on a
 * machine without an IOMMU, with neither translation nor isolation.
 *
 * <p>Arguments are never null unless a parameter says otherwise.
 */
package org.example.noiommu;
