package org.devmodel.vfio.iommu.spapr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.devmodel.core.Kernel;
import org.devmodel.testkit.InitFaultSweep;
import org.devmodel.testkit.InitFaultTest;
import org.devmodel.testkit.ModuleUnderTest;
import org.devmodel.testkit.SweepCase;
import org.junit.jupiter.api.Test;

/** The testkit's sweep of {@code vfio_iommu_spapr_tce}'s init on the POWER platform. */
class SpaprSweepTest {

    @InitFaultTest(provider = VfioIommuSpaprTce.class, commandLine = "pci.machine=power")
    void vfioIommuSpaprTceUnwindsEveryInitFailure(Kernel kernel) {
        assertThat(kernel.modules().find("vfio")).isPresent();
    }

    @Test
    void initHasOneStepTheBackendsRegistration() {
        List<SweepCase> plan = InitFaultSweep.of(ModuleUnderTest.ofProvider(VfioIommuSpaprTce.class)
                .withCommandLine("pci.machine=power")).plan();
        assertThat(plan).extracting(SweepCase::displayName).containsExactly(
                "fail vfio_register_iommu_driver (step 1) -> EINVAL",
                "fail step 2 -> nothing left to fail",
                "no fault: init, exit, init again");
    }
}
