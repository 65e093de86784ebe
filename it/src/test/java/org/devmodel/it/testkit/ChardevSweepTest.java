package org.devmodel.it.testkit;

import static org.devmodel.testkit.KernelAssertions.assertThat;

import org.devmodel.core.Kernel;
import org.devmodel.testkit.InitFaultTest;
import org.devmodel.testkit.SweepCase;

/**
 * The loader's fixture char driver swept by the testkit, as a driver author would write it: one
 * invocation per step of its init, the step after the last, and the success path.
 */
class ChardevSweepTest {

    @InitFaultTest(module = "fixture-chardev")
    void fixtureChardevUnwindsEveryInitFailure(Kernel kernel, SweepCase sweepCase) {
        // the extension has checked the errno, the snapshot and the unwind order; the static node
        // made at boot from modules.devname is still there whatever happened
        assertThat(kernel).hasNode("/dev/fixture0").isCharDevice(240, 0).isStatic();
    }
}
