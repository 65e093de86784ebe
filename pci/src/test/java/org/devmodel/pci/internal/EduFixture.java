package org.devmodel.pci.internal;

import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.pci.Pci;
import org.devmodel.pci.PciBar;
import org.devmodel.pci.PciFunction;

/**
 * A booted kernel with edu function 0000:00:03.0 bound to a test driver (through
 * {@code driver_override}) that records its interrupts, with memory decoding on.
 */
final class EduFixture implements AutoCloseable {
    static final String ADDRESS = "0000:00:03.0";
    final Kernel kernel;
    final PciFunction function;
    final PciBar bar0;
    final TestDriver driver = new TestDriver("edu-test");

    EduFixture() throws KernelException {
        kernel = Kernel.boot();
        Pci pci = kernel.subsystem(Pci.class).orElseThrow();
        pci.registerDriver(driver);
        pci.setDriverOverride(ADDRESS, driver.name());
        pci.bind(driver.name(), ADDRESS);
        driver.events.clear();
        function = pci.function(ADDRESS).orElseThrow();
        function.config().write(0x04, 2, 0x0002);
        bar0 = function.bar(0).orElseThrow();
    }

    /** Turns bus mastering on or off, keeping memory decoding on. */
    void busMaster(boolean on) {
        function.config().write(0x04, 2, on ? 0x0006 : 0x0002);
    }

    /** Enables MSI with one vector. */
    void enableMsi() {
        function.config().write(0x42, 2, 0x0001);
    }

    @Override
    public void close() {
        kernel.close();
    }
}
