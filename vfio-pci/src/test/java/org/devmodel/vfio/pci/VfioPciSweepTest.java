package org.devmodel.vfio.pci;

import static org.assertj.core.api.Assertions.assertThat;

import org.devmodel.core.Kernel;
import org.devmodel.testkit.InitFaultTest;
import org.devmodel.testkit.SweepCase;

/** Every failure of {@code vfio_pci}'s init unwinds completely. */
class VfioPciSweepTest {

    @InitFaultTest(provider = VfioPci.class)
    void vfioPciUnwindsEveryInitFailure(Kernel kernel, SweepCase sweepCase) {
        // the extension has checked errno, leaks and unwind order; the driver directory follows the module
        boolean loaded = kernel.modules().find("vfio_pci").isPresent();
        assertThat(kernel.vfs().exists("/sys/bus/pci/drivers/vfio-pci")).isEqualTo(loaded);
    }
}
