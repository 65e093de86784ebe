package org.devmodel.testkit.error;

import java.util.List;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** Creates the message for a snapshot section that should hold an entry. */
public final class ShouldContainSnapshotEntry extends BasicErrorMessageFactory {

    private ShouldContainSnapshotEntry(String section, String entry, List<String> entries) {
        super("%nExpecting snapshot section %s:%n  %s%nto contain%n  %s", section, entries, entry);
    }

    /**
     * @param section the section, e.g. "misc"
     * @param entry the expected entry, e.g. "196 vfio"
     * @param entries what the section holds
     * @return the factory
     */
    public static ErrorMessageFactory shouldContainSnapshotEntry(String section, String entry, List<String> entries) {
        return new ShouldContainSnapshotEntry(section, entry, entries);
    }
}
