package org.devmodel.vfio.iommu.type1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.testkit.InitFaultSweep;
import org.devmodel.testkit.ModuleUnderTest;
import org.devmodel.testkit.SweepCase;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The testkit's sweep of {@code vfio_iommu_type1}'s init: every step failed in turn unwinds.
 *
 * <p>It runs through {@link InitFaultSweep} rather than {@code @InitFaultTest(provider = ...)}
 * because the annotation's cases snapshot the kernel before {@code modprobe}, which also loads vfio,
 * so vfio's own state reads as left behind by this module. Here each kernel has vfio loaded (and
 * this module, which vfio's init asks for, unloaded again) before the case starts, so the snapshots
 * compare this module's state alone.
 */
class Type1SweepTest {
    private static final ModuleUnderTest TYPE1 = new AfterVfio(ModuleUnderTest.ofProvider(VfioIommuType1.class));

    @TestFactory
    Stream<DynamicTest> vfioIommuType1UnwindsEveryInitFailure() {
        return InitFaultSweep.of(TYPE1).plan().stream().map(sweepCase -> dynamicTest(sweepCase.displayName(), () -> {
            try (Kernel kernel = TYPE1.boot()) {
                sweepCase.verify(kernel);
            }
        }));
    }

    @Test
    void initHasOneStepTheBackendsRegistration() {
        List<SweepCase> plan = InitFaultSweep.of(TYPE1).plan();
        assertThat(plan).hasSize(3);
        assertThat(plan.get(0).displayName()).isEqualTo("fail vfio_register_iommu_driver (step 1) -> EINVAL");
    }

    /** The module under test in kernels where its dependency vfio is already loaded. */
    private record AfterVfio(ModuleUnderTest module) implements ModuleUnderTest {
        @Override
        public ModuleUnderTest withParameters(Map<String, String> parameters) {
            return new AfterVfio(module.withParameters(parameters));
        }

        @Override
        public String name() {
            return module.name();
        }

        @Override
        public Kernel boot() throws KernelException {
            Kernel kernel = module.boot();
            try {
                kernel.modules().modprobe("vfio", Map.of());
                // vfio's init asked for this module with request_module_nowait: let it load, then go
                kernel.settle();
                if (kernel.modules().find(module.name()).isPresent()) {
                    module.unload(kernel);
                }
            } catch (KernelException | RuntimeException e) {
                kernel.close();
                throw e;
            }
            return kernel;
        }

        @Override
        public void load(Kernel kernel) throws KernelException {
            module.load(kernel);
        }

        @Override
        public void unload(Kernel kernel) throws KernelException {
            module.unload(kernel);
        }
    }
}
