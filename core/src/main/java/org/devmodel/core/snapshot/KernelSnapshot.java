package org.devmodel.core.snapshot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The kernel-owned state at one moment, by section (regions, cdevs, classes, devices, devtmpfs
 * nodes, open files, module references, and what subsystems contribute), plus userspace sections
 * that are shown but never compared. Immutable.
 */
public final class KernelSnapshot {
    private final Map<String, List<String>> kernel;
    private final Map<String, List<String>> userspace;

    private KernelSnapshot(Map<String, List<String>> kernel, Map<String, List<String>> userspace) {
        this.kernel = kernel;
        this.userspace = userspace;
    }

    /**
     * Captures the sections of some contributors.
     *
     * @param contributors the sections to capture
     * @return the snapshot
     */
    public static KernelSnapshot capture(List<? extends SnapshotContributor> contributors) {
        Map<String, List<String>> kernel = new TreeMap<>();
        Map<String, List<String>> userspace = new TreeMap<>();
        for (SnapshotContributor c : contributors) {
            Map<String, List<String>> target = c.userspace() ? userspace : kernel;
            target.merge(c.section(), List.copyOf(c.entries()), (a, b) -> {
                List<String> both = new ArrayList<>(a);
                both.addAll(b);
                return List.copyOf(both);
            });
        }
        return new KernelSnapshot(Map.copyOf(kernel), Map.copyOf(userspace));
    }

    /** {@return the kernel-owned sections, by name} */
    public Map<String, List<String>> sections() {
        return new TreeMap<>(kernel);
    }

    /**
     * {@return the entries of a section, kernel-owned or userspace; empty when absent}
     *
     * @param section its name
     */
    public List<String> section(String section) {
        return kernel.getOrDefault(section, userspace.getOrDefault(section, List.of()));
    }

    /**
     * {@return what changed in kernel-owned state from this snapshot to a later one}
     *
     * @param later the later snapshot
     */
    public SnapshotDiff diff(KernelSnapshot later) {
        Map<String, List<String>> added = new LinkedHashMap<>();
        Map<String, List<String>> removed = new LinkedHashMap<>();
        TreeMap<String, List<String>> all = new TreeMap<>(kernel);
        later.kernel.forEach(all::putIfAbsent);
        for (String section : all.keySet()) {
            List<String> before = kernel.getOrDefault(section, List.of());
            List<String> after = later.kernel.getOrDefault(section, List.of());
            List<String> plus = minus(after, before);
            List<String> gone = minus(before, after);
            if (!plus.isEmpty()) {
                added.put(section, plus);
            }
            if (!gone.isEmpty()) {
                removed.put(section, gone);
            }
        }
        return new SnapshotDiff(added, removed);
    }

    /** Multiset difference, keeping order: an entry present twice before and once after counts once. */
    private static List<String> minus(List<String> from, List<String> take) {
        List<String> left = new ArrayList<>(from);
        for (String t : take) {
            left.remove(t);
        }
        return left;
    }

    /** Snapshots are equal when their kernel-owned sections are; userspace sections don't count. */
    @Override
    public boolean equals(Object o) {
        return o instanceof KernelSnapshot other && diff(other).isEmpty();
    }

    @Override
    public int hashCode() {
        Map<String, List<String>> sorted = new TreeMap<>();
        kernel.forEach((k, v) -> {
            if (!v.isEmpty()) {
                List<String> copy = new ArrayList<>(v);
                copy.sort(null);
                sorted.put(k, copy);
            }
        });
        return Objects.hash(sorted);
    }

    /** {@return every section, one entry per indented line; userspace sections marked} */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        kernel.forEach((name, entries) -> append(text, name, entries));
        userspace.forEach((name, entries) -> append(text, name + " (userspace)", entries));
        return text.toString();
    }

    private static void append(StringBuilder text, String name, List<String> entries) {
        text.append(name).append(":\n");
        entries.forEach(e -> text.append("  ").append(e).append('\n'));
    }
}
