/**
 * IOMMU groups (the iommu core: groups, member devices, notifiers, domains and DMA translation) and
 * the types of the VFIO IOMMU backend SPI.
 *
 * @provides org.devmodel.core.BuiltinSubsystem the iommu core, started at boot as a {@code core_initcall}
 */
module org.devmodel.iommu {
    requires transitive org.devmodel.core;

    exports org.devmodel.iommu;
    exports org.devmodel.iommu.vfio;

    provides org.devmodel.core.BuiltinSubsystem with org.devmodel.iommu.internal.IommuCore;
}
