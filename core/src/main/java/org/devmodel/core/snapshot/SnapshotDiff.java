package org.devmodel.core.snapshot;

import java.util.List;
import java.util.Map;

/**
 * What changed between two snapshots, by section.
 *
 * @param added entries present only in the later snapshot (a leak, after an unwind)
 * @param removed entries present only in the earlier one
 */
public record SnapshotDiff(Map<String, List<String>> added, Map<String, List<String>> removed) {
    /** Copies the maps. */
    public SnapshotDiff {
        added = Map.copyOf(added);
        removed = Map.copyOf(removed);
    }

    /** {@return whether nothing changed} */
    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty();
    }

    /** {@return one line per change: {@code + classes: vfio}, {@code - cdevs: 10:0+256}} */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        new java.util.TreeMap<>(added).forEach((s, es) -> es.forEach(e -> text.append("+ ").append(s).append(": ")
                .append(e).append('\n')));
        new java.util.TreeMap<>(removed).forEach((s, es) -> es.forEach(e -> text.append("- ").append(s).append(": ")
                .append(e).append('\n')));
        return text.isEmpty() ? "no change\n" : text.toString();
    }
}
