package org.devmodel.iommu.vfio;

import org.devmodel.core.KernelException;

/**
 * {@code struct vfio_iommu_driver_ops}: a VFIO IOMMU backend such as type1. A backend is a kernel
 * module whose {@code init} registers its driver with vfio ({@code vfio_register_iommu_driver}; the
 * same object twice is EINVAL) and whose {@code exit} unregisters it. vfio pins the backend's module
 * while a container uses it and while it asks about an extension; the owning module is the one whose
 * JPMS module defines the implementing class.
 */
public interface VfioIommuDriver {

    /** {@return the backend's name, e.g. {@code vfio-iommu-type1}} */
    String name();

    /**
     * {@code ops->ioctl(NULL, VFIO_CHECK_EXTENSION, arg)}: asked before any container uses the backend.
     *
     * @param extension the extension or IOMMU type asked about
     * @return above 0 when supported, 0 otherwise
     */
    long checkExtension(long extension);

    /**
     * {@code ops->open(arg)}: starts the backend for one container ({@code VFIO_SET_IOMMU}).
     *
     * @param type the IOMMU type the container asked for
     * @return the backend's per-container state ({@code iommu_data})
     * @throws KernelException EINVAL for a type it does not serve, EPERM, EIO, ...
     */
    VfioIommu open(long type) throws KernelException;
}
