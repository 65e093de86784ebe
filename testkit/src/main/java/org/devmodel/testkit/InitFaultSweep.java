package org.devmodel.testkit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.devmodel.core.Errno;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.testkit.internal.FailStepCase;
import org.devmodel.testkit.internal.LedgerSteps;
import org.devmodel.testkit.internal.NothingLeftCase;
import org.devmodel.testkit.internal.SuccessCase;

/**
 * The kernel's {@code fail-nth} loop for a module's {@code init}, without JUnit: a first run
 * without faults records the steps {@code init} takes; then one case per step fails that step, one
 * checks that failing the step after the last fires nothing (so the count is found, never written
 * down), and one runs the success path ({@code init}, {@code exit}, {@code init} again).
 *
 * <pre>{@code
 * ModuleUnderTest target = ModuleUnderTest.ofProvider(MyDriver.class);
 * for (SweepCase c : InitFaultSweep.of(target).plan()) {
 *     try (Kernel kernel = target.boot()) {
 *         c.verify(kernel);
 *     }
 * }
 * }</pre>
 *
 * <p>Each failed step gets its site's natural errno unless {@link #withErrno} overrides it.
 * Immutable.
 */
public final class InitFaultSweep {
    private final ModuleUnderTest target;
    private final Map<String, Errno> overrides;

    private InitFaultSweep(ModuleUnderTest target, Map<String, Errno> overrides) {
        this.target = target;
        this.overrides = Map.copyOf(overrides);
    }

    /**
     * A sweep of a module.
     *
     * @param target the module under test
     * @return the sweep
     */
    public static InitFaultSweep of(ModuleUnderTest target) {
        return new InitFaultSweep(Objects.requireNonNull(target, "target"), Map.of());
    }

    /**
     * {@return this sweep failing a site with another errno than its natural one}
     *
     * @param site the fault site, e.g. {@code cdev_add}
     * @param errno the errno to inject there
     */
    public InitFaultSweep withErrno(String site, Errno errno) {
        Map<String, Errno> more = new HashMap<>(overrides);
        more.put(Objects.requireNonNull(site, "site"), Objects.requireNonNull(errno, "errno"));
        return new InitFaultSweep(target, more);
    }

    /** {@return the module under test} */
    public ModuleUnderTest target() {
        return target;
    }

    /**
     * Records the steps of {@code init} in a kernel of its own.
     *
     * @return the steps, in order
     * @throws AssertionError when {@code init} fails without any fault injected
     */
    public List<InitStep> recordSteps() {
        try (Kernel kernel = target.boot()) {
            long mark = kernel.ledger().mark();
            try {
                target.load(kernel);
            } catch (KernelException e) {
                throw new AssertionError(target.name() + ": init failed with no fault injected: "
                        + e.errno().describe(), e);
            }
            kernel.settle();
            return LedgerSteps.steps(kernel, mark, target.name());
        } catch (KernelException e) {
            throw new AssertionError(target.name() + ": kernel failed to boot: " + e.getMessage(), e);
        }
    }

    /**
     * Plans the sweep: records the steps, then one case per step, the step after the last, and the
     * success path.
     *
     * @return the cases, in the order to run them
     */
    public List<SweepCase> plan() {
        List<InitStep> steps = recordSteps();
        List<SweepCase> cases = new ArrayList<>();
        for (InitStep step : steps) {
            cases.add(new FailStepCase(target, step, overrides.get(step.site()), steps));
        }
        cases.add(new NothingLeftCase(target, steps.size() + 1));
        cases.add(new SuccessCase(target));
        return List.copyOf(cases);
    }
}
