package org.devmodel.testkit.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.devmodel.core.Kernel;
import org.devmodel.core.fault.LedgerEvent;
import org.devmodel.core.snapshot.KernelSnapshot;
import org.devmodel.core.snapshot.SnapshotDiff;

/** The checks every sweep case makes, each failing with a message that says what and where. */
final class Verdicts {
    private Verdicts() {
    }

    /** The kernel state after the case equals the state before the module was loaded. */
    static void noLeaks(String caseName, Kernel kernel, KernelSnapshot before, String owner) {
        KernelSnapshot after = kernel.snapshot();
        SnapshotDiff diff = before.diff(after);
        if (diff.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder(caseName).append(": ").append(owner)
                .append(" left kernel state behind:\n").append(diff);
        List<LedgerEvent> held = kernel.ledger().outstanding(owner);
        if (!held.isEmpty()) {
            message.append("acquisitions never released:\n");
            held.forEach(e -> message.append("  ").append(e.site()).append('(').append(e.resource()).append(")\n"));
        }
        throw new AssertionError(message.toString());
    }

    /** The releases since a mark are exactly the acquisitions given, in reverse order. */
    static void releasedInReverse(String caseName, String owner, List<String> acquired, List<LedgerEvent> events) {
        List<String> expected = new ArrayList<>(acquired);
        Collections.reverse(expected);
        List<String> actual = LedgerSteps.releases(events, owner);
        if (!expected.equals(actual)) {
            throw new AssertionError(caseName + ": " + owner + " released in the wrong order or the wrong things\n"
                    + "  expected (reverse of its acquisitions): " + expected + "\n"
                    + "  actual releases:                        " + actual);
        }
    }
}
