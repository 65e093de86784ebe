package org.example.noiommu;

import org.devmodel.ioctl.IoctlDescriptions;

/**
 * The userspace API of {@code vfio_noiommu}: the one constant a later {@code linux/vfio.h} adds
 * for it. The annotation processor of {@code devmodel-ioctl-processor} writes it into the jar's
 * {@code META-INF/devmodel/ioctls}, so scripts name it.
 */
@IoctlDescriptions
final class NoIommuUapi {
    /**
     * {@code VFIO_NOIOMMU_IOMMU}: the IOMMU type of a container without translation or isolation,
     * which supports no ioctl outside {@code VFIO_CHECK_EXTENSION} (Linux 4.5's value).
     */
    static final int VFIO_NOIOMMU_IOMMU = 8;

    private NoIommuUapi() {
    }
}
