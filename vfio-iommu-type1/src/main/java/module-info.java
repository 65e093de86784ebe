/**
 * The {@code vfio_iommu_type1} kernel module ({@code drivers/vfio/vfio_iommu_type1.c} of Linux
 * v3.14): the type1 IOMMU backend of VFIO, which pins a process's memory and maps it for DMA by the
 * devices of a container's groups. It only plugs in, so it exports nothing.
 *
 * @provides org.devmodel.core.module.KernelModule the module {@code vfio_iommu_type1}, whose
 *     {@code init} registers the backend with vfio (loaded first, since this module requires it)
 */
module org.devmodel.vfio.iommu.type1 {
    requires org.devmodel.vfio;

    provides org.devmodel.core.module.KernelModule with org.devmodel.vfio.iommu.type1.VfioIommuType1;
}
