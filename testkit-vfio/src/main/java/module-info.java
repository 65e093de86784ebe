/**
 * The VFIO IOMMU backend contract: what vfio promises a user whatever backend a container uses,
 * as JUnit 5 tests ({@link org.devmodel.testkit.vfio.VfioBackendContract}) that a backend author
 * runs against a backend through an adapter ({@link org.devmodel.testkit.vfio.VfioBackendAdapter}).
 * The tests drive the platform's edu function {@code 0000:00:03.0} (IOMMU group 3) through a
 * VFIO bus driver of their own.
 */
module org.devmodel.testkit.vfio {
    requires transitive org.devmodel.testkit;
    requires transitive org.devmodel.vfio;
    requires transitive org.devmodel.pci;

    exports org.devmodel.testkit.vfio;

    // JUnit finds and runs the contract's test methods reflectively
    opens org.devmodel.testkit.vfio to org.junit.platform.commons;
}
