/**
 * The {@code vfio_iommu_spapr_tce} kernel module ({@code drivers/vfio/vfio_iommu_spapr_tce.c} of
 * Linux v3.14): VFIO's IOMMU backend for POWER, which maps a process's pages into the TCE table of
 * the one group a container may hold. It only plugs in, so it exports nothing.
 *
 * @provides org.devmodel.core.module.KernelModule the module {@code vfio_iommu_spapr_tce}, whose
 *     {@code init} registers the backend with vfio (loaded first, since this module requires it)
 */
module org.devmodel.vfio.iommu.spapr {
    requires org.devmodel.vfio;

    provides org.devmodel.core.module.KernelModule with org.devmodel.vfio.iommu.spapr.VfioIommuSpaprTce;
}
