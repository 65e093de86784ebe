package org.devmodel.testkit.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;
import org.devmodel.core.snapshot.SnapshotDiff;

/** Creates the message for kernel state that changed since a snapshot. */
public final class ShouldHaveNoLeaks extends BasicErrorMessageFactory {

    private ShouldHaveNoLeaks(SnapshotDiff diff) {
        super("%nExpecting kernel:%n  to hold the state of the snapshot%nbut it changed:%n%s", diff.toString());
    }

    /**
     * @param diff what changed
     * @return the factory
     */
    public static ErrorMessageFactory shouldHaveNoLeaks(SnapshotDiff diff) {
        return new ShouldHaveNoLeaks(diff);
    }
}
