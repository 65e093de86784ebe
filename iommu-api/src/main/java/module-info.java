/**
 * IOMMU groups and the types of the VFIO IOMMU backend SPI. Filled in by the vfio issue.
 */
module org.devmodel.iommu {
    requires transitive org.devmodel.core;
}
