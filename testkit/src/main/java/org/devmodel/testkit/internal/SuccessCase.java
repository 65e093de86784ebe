package org.devmodel.testkit.internal;

import java.util.List;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.snapshot.KernelSnapshot;
import org.devmodel.testkit.ModuleUnderTest;
import org.devmodel.testkit.SweepCase;

/**
 * Nothing fails: {@code init} succeeds, {@code exit} releases the reverse of {@code init}'s
 * acquisitions and restores the snapshot, and {@code init} runs again after {@code exit}.
 */
public final class SuccessCase implements SweepCase {
    private final ModuleUnderTest target;

    /**
     * @param target the module
     */
    public SuccessCase(ModuleUnderTest target) {
        this.target = target;
    }

    @Override
    public String displayName() {
        return "no fault: init, exit, init again";
    }

    @Override
    public void verify(Kernel kernel) {
        String owner = target.name();
        KernelSnapshot before = kernel.snapshot();
        long mark = kernel.ledger().mark();
        run("init", () -> target.load(kernel));
        kernel.settle();
        List<String> acquired = LedgerSteps.acquisitions(kernel.ledger().since(mark), owner);
        long loaded = kernel.ledger().mark();
        run("exit", () -> target.unload(kernel));
        kernel.settle();
        Verdicts.releasedInReverse(displayName(), owner, acquired, kernel.ledger().since(loaded));
        Verdicts.noLeaks(displayName(), kernel, before, owner);
        run("init after exit", () -> target.load(kernel));
        run("exit after the second init", () -> target.unload(kernel));
        kernel.settle();
        Verdicts.noLeaks(displayName(), kernel, before, owner);
    }

    private void run(String what, Step step) {
        try {
            step.run();
        } catch (KernelException e) {
            throw new AssertionError(displayName() + ": " + what + " of " + target.name() + " failed: "
                    + e.errno().describe(), e);
        }
    }

    @FunctionalInterface
    private interface Step {
        void run() throws KernelException;
    }
}
