/**
 * Integration tests of the module loader and the testkit (the tests are patched into this module). It has no code of
 * its own: it requires the well-formed fixture drivers so that they are resolved into the boot layer
 * of the test JVM, as devmodel's own modules are on the launch module path. Every fixture, broken
 * ones included, is also copied into the modules directory the tests boot kernels with.
 */
open module org.devmodel.it {
    requires org.devmodel.core;
    requires org.devmodel.ioctl;
    requires org.devmodel.fixture.chardev;
    requires org.devmodel.fixture.dependent;
    requires org.devmodel.fixture.chain.base;
    requires org.devmodel.fixture.chain.backend;
    requires org.devmodel.fixture.support;
    requires org.devmodel.fixture.buggy;
    requires org.devmodel.fixture.miscdev;
    requires org.devmodel.vfio;
    requires org.devmodel.iommu;
    requires org.devmodel.testkit;
    requires org.devmodel.testkit.vfio;
    // on the module path with the testkit's JUnit API, so JUnit is never split (see it/pom.xml)
    requires org.junit.jupiter.engine;
    requires org.junit.platform.launcher;
    requires org.junit.platform.testkit;
}
