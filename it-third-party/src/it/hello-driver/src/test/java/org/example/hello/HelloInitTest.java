package org.example.hello;

import static org.devmodel.testkit.KernelAssertions.assertThat;

import org.devmodel.core.Kernel;
import org.devmodel.testkit.InitFaultTest;

/** The testkit's sweep of hello's init: every failing step unwinds, then init, exit and init again work. */
class HelloInitTest {

    @InitFaultTest(provider = Hello.class)
    void helloUnwindsEveryInitFailure(Kernel kernel) {
        // after the sweep's own checks: the static node from the index is there whatever init did
        assertThat(kernel).hasNode("/dev/hello").isCharDevice(10, 245).isStatic();
    }
}
