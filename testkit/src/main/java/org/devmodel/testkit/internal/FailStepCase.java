package org.devmodel.testkit.internal;

import java.util.List;
import org.devmodel.core.Errno;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.fault.FaultRule;
import org.devmodel.core.fault.InjectedFault;
import org.devmodel.core.snapshot.KernelSnapshot;
import org.devmodel.testkit.InitStep;
import org.devmodel.testkit.ModuleUnderTest;
import org.devmodel.testkit.SweepCase;

/**
 * Fails step k of {@code init}: it must report the injected errno, leave nothing behind, and release
 * exactly its steps before k, in reverse order.
 */
public final class FailStepCase implements SweepCase {
    private final ModuleUnderTest target;
    private final InitStep step;
    private final Errno errno;
    private final List<InitStep> baseline;

    /**
     * @param target the module
     * @param step the step to fail
     * @param override the errno to inject instead of the site's natural one, or null
     * @param baseline every step of the fault-free run
     */
    public FailStepCase(ModuleUnderTest target, InitStep step, Errno override, List<InitStep> baseline) {
        this.target = target;
        this.step = step;
        this.errno = override != null ? override : step.naturalErrno();
        this.baseline = baseline;
    }

    @Override
    public String displayName() {
        return "fail " + step.site() + " (step " + step.number() + ") -> " + errno.name();
    }

    @Override
    public void verify(Kernel kernel) {
        String owner = target.name();
        KernelSnapshot before = kernel.snapshot();
        long mark = kernel.ledger().mark();
        int done = kernel.faults().steps(owner);
        InjectedFault fault = kernel.faults().arm(FaultRule.atStep(owner, done + step.number()).withErrno(errno));
        Errno reported = null;
        try {
            target.load(kernel);
        } catch (KernelException e) {
            reported = e.errno();
        } finally {
            fault.disarm();
        }
        kernel.settle();
        checkFired(fault);
        if (reported != errno) {
            throw new AssertionError(displayName() + ": init of " + owner + " reported "
                    + (reported == null ? "success" : reported.name()) + ", expected " + errno.name());
        }
        Verdicts.noLeaks(displayName(), kernel, before, owner);
        List<String> acquiredBefore = baseline.subList(0, step.number() - 1).stream().map(InitStep::resource).toList();
        Verdicts.releasedInReverse(displayName(), owner, acquiredBefore, kernel.ledger().since(mark));
    }

    private void checkFired(InjectedFault fault) {
        String site = fault.firedAt().map(s -> s.name()).orElse(null);
        if (!step.site().equals(site)) {
            throw new AssertionError(displayName() + ": step " + step.number() + " of " + target.name() + " was "
                    + (site == null ? "never reached" : site) + " this time, but " + step.site()
                    + " in the fault-free run: init is not deterministic");
        }
    }
}
