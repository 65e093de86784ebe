/**
 * The {@code vfio} kernel module ({@code drivers/vfio/vfio.c}). Filled in by the vfio issue.
 */
module org.devmodel.vfio {
    requires org.devmodel.misc;
    requires org.devmodel.iommu;
}
