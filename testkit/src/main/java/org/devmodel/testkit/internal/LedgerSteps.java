package org.devmodel.testkit.internal;

import java.util.ArrayList;
import java.util.List;
import org.devmodel.core.Kernel;
import org.devmodel.core.fault.FaultSite;
import org.devmodel.core.fault.LedgerEvent;
import org.devmodel.testkit.InitStep;

/** Reads a module's own steps out of the ledger: top-level events of that owner, nested ones belong to their call. */
public final class LedgerSteps {
    private LedgerSteps() {
    }

    /**
     * {@return the acquisitions an owner made itself since a mark, as numbered steps}
     *
     * @param kernel the kernel whose ledger and fault sites to read
     * @param mark a ledger mark taken before {@code init}
     * @param owner the module name
     */
    public static List<InitStep> steps(Kernel kernel, long mark, String owner) {
        List<InitStep> steps = new ArrayList<>();
        for (LedgerEvent acquisition : own(kernel.ledger().since(mark), owner, LedgerEvent.Kind.ACQUIRE)) {
            FaultSite site = kernel.faults().site(acquisition.site()).orElseThrow();
            steps.add(new InitStep(steps.size() + 1, acquisition.site(), acquisition.resource(), site.naturalErrno()));
        }
        return List.copyOf(steps);
    }

    /**
     * {@return the resources an owner acquired itself among some events, in order}
     *
     * @param events ledger events
     * @param owner the module name
     */
    static List<String> acquisitions(List<LedgerEvent> events, String owner) {
        return own(events, owner, LedgerEvent.Kind.ACQUIRE).stream().map(LedgerEvent::resource).toList();
    }

    /**
     * {@return the resources an owner released itself among some events, in order}
     *
     * @param events ledger events
     * @param owner the module name
     */
    static List<String> releases(List<LedgerEvent> events, String owner) {
        return own(events, owner, LedgerEvent.Kind.RELEASE).stream().map(LedgerEvent::resource).toList();
    }

    private static List<LedgerEvent> own(List<LedgerEvent> events, String owner, LedgerEvent.Kind kind) {
        return events.stream().filter(e -> e.kind() == kind && e.owner().equals(owner) && !e.nested()).toList();
    }
}
