package org.devmodel.vfio.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.testkit.InitFaultSweep;
import org.devmodel.testkit.ModuleUnderTest;
import org.devmodel.testkit.SweepCase;
import org.junit.jupiter.api.Test;

/**
 * The testkit's sweep (its programmatic form) on vfio's init, and on a variant that forgets the
 * seed's {@code err_class} label: the sweep passes the first and fails the second at every step
 * after {@code misc_register}, naming the misc device left behind.
 */
class ErrClassSweepTest {
    private final Map<Kernel, VfioHarness> harnesses = new IdentityHashMap<>();

    /** vfio loaded into harness kernels, with or without the planted mistake. */
    private ModuleUnderTest vfio(boolean forgetErrClass) {
        return new ModuleUnderTest() {
            @Override
            public ModuleUnderTest withParameters(Map<String, String> parameters) {
                return this;
            }

            @Override
            public String name() {
                return "vfio";
            }

            @Override
            public Kernel boot() throws KernelException {
                VfioHarness harness = new VfioHarness();
                harnesses.put(harness.kernel, harness);
                return harness.kernel;
            }

            @Override
            public void load(Kernel kernel) throws KernelException {
                Vfio module = new Vfio();
                module.forgetErrClass = forgetErrClass;
                harnesses.get(kernel).load(module);
            }

            @Override
            public void unload(Kernel kernel) throws KernelException {
                harnesses.get(kernel).unload();
            }
        };
    }

    private static void run(ModuleUnderTest target, SweepCase sweepCase) throws KernelException {
        try (Kernel kernel = target.boot()) {
            sweepCase.verify(kernel);
        }
    }

    @Test
    void vfiosInitPassesTheSweepWithItsFourSeedSteps() throws KernelException {
        ModuleUnderTest vfio = vfio(false);
        List<SweepCase> plan = InitFaultSweep.of(vfio).plan();
        assertThat(plan).extracting(SweepCase::displayName).containsExactly(
                "fail misc_register (step 1) -> EBUSY",
                "fail class_create (step 2) -> ENOMEM",
                "fail alloc_chrdev_region (step 3) -> EBUSY",
                "fail cdev_add (step 4) -> ENOMEM",
                "fail step 5 -> nothing left to fail",
                "no fault: init, exit, init again");
        for (SweepCase sweepCase : plan) {
            run(vfio, sweepCase);
        }
    }

    @Test
    void forgettingErrClassFailsTheSweepAtEveryLaterStepNamingTheMiscDevice() throws KernelException {
        ModuleUnderTest broken = vfio(true);
        List<SweepCase> plan = InitFaultSweep.of(broken).plan();
        run(broken, plan.get(0));
        for (SweepCase sweepCase : plan.subList(1, 4)) {
            assertThatThrownBy(() -> run(broken, sweepCase))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith(sweepCase.displayName() + ": vfio left kernel state behind:")
                    .hasMessageContaining("+ misc: 196 vfio");
        }
    }
}
