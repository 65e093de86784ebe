/**
 * The kernel module {@code vfio_noiommu}: a sample third-party VFIO IOMMU backend for a machine
 * without an IOMMU, written only against the exported APIs of vfio and the iommu core. It exports
 * nothing; its init registers the backend with vfio.
 *
 * @provides org.devmodel.core.module.KernelModule {@code vfio_noiommu}, the backend
 *     {@code vfio-noiommu} of IOMMU type {@code VFIO_NOIOMMU_IOMMU}
 */
module org.example.noiommu {
    requires org.devmodel.vfio;
    // @IoctlDescriptions on NoIommuUapi, for the annotation processor that writes META-INF/devmodel/ioctls
    requires static org.devmodel.ioctl;

    provides org.devmodel.core.module.KernelModule with org.example.noiommu.NoIommu;
}
