package org.devmodel.testkit.internal;

import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.fault.FaultRule;
import org.devmodel.core.fault.InjectedFault;
import org.devmodel.testkit.ModuleUnderTest;
import org.devmodel.testkit.SweepCase;

/** Fails the step after the last: nothing may fire, which proves the recorded step count complete. */
public final class NothingLeftCase implements SweepCase {
    private final ModuleUnderTest target;
    private final int step;

    /**
     * @param target the module
     * @param step one past the last recorded step
     */
    public NothingLeftCase(ModuleUnderTest target, int step) {
        this.target = target;
        this.step = step;
    }

    @Override
    public String displayName() {
        return "fail step " + step + " -> nothing left to fail";
    }

    @Override
    public void verify(Kernel kernel) {
        String owner = target.name();
        InjectedFault fault = kernel.faults().arm(FaultRule.atStep(owner, kernel.faults().steps(owner) + step));
        try {
            target.load(kernel);
        } catch (KernelException e) {
            throw new AssertionError(displayName() + ": init of " + owner + " failed: " + e.errno().describe()
                    + fault.firedAt().map(s -> " at " + s.name()).orElse(""), e);
        } finally {
            fault.disarm();
        }
        if (fault.fired()) {
            throw new AssertionError(displayName() + ": init of " + owner + " took more than " + (step - 1)
                    + " steps this time (step " + step + " was " + fault.firedAt().orElseThrow().name() + ")");
        }
    }
}
