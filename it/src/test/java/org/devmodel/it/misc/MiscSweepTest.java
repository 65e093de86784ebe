package org.devmodel.it.misc;

import static org.devmodel.testkit.KernelAssertions.assertThat;

import org.devmodel.core.Kernel;
import org.devmodel.testkit.InitFaultTest;

/** The testkit's sweep of misc drivers: a fixture on the module path, and hello from a modules directory. */
class MiscSweepTest {

    @InitFaultTest(module = "fixture_misc")
    void theFixtureMiscDriverUnwindsEveryInitFailure(Kernel kernel) {
        assertThat(kernel).hasNode("/dev/fixture/misc").isCharDevice(10, 246).isStatic();
    }

    @InitFaultTest(modulesDirectory = "target/modules", module = "hello")
    void helloUnwindsEveryInitFailure(Kernel kernel) {
        assertThat(kernel).hasNode("/dev/hello").isCharDevice(10, 245).isStatic();
    }
}
