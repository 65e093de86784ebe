package org.devmodel.vfio.iommu.type1;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.devmodel.core.Kernel;
import org.devmodel.testkit.InitFaultSweep;
import org.devmodel.testkit.InitFaultTest;
import org.devmodel.testkit.ModuleUnderTest;
import org.devmodel.testkit.SweepCase;
import org.junit.jupiter.api.Test;

/** The testkit's sweep of {@code vfio_iommu_type1}'s init: every step failed in turn unwinds. */
class Type1SweepTest {

    @InitFaultTest(provider = VfioIommuType1.class)
    void vfioIommuType1UnwindsEveryInitFailure(Kernel kernel) {
        // vfio, its dependency, was loaded before the sweep's snapshot and is still there
        assertThat(kernel.modules().find("vfio")).isPresent();
    }

    @Test
    void initHasOneStepTheBackendsRegistration() {
        List<SweepCase> plan = InitFaultSweep.of(ModuleUnderTest.ofProvider(VfioIommuType1.class)).plan();
        assertThat(plan).extracting(SweepCase::displayName).containsExactly(
                "fail vfio_register_iommu_driver (step 1) -> EINVAL",
                "fail step 2 -> nothing left to fail",
                "no fault: init, exit, init again");
    }
}
