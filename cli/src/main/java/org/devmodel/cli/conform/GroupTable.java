package org.devmodel.cli.conform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The model's IOMMU group numbers against the guest's, read in the guest from
 * {@code /sys/bus/pci/devices/ADDR/iommu_group} for every function of the platform. Scripts name
 * groups by path ({@code /dev/vfio/N}, {@code /sys/kernel/iommu_groups/N}): the guest runs the
 * script with the model's numbers rewritten to its own, and its trace is read back through the
 * inverse. Immutable.
 */
final class GroupTable {
    private static final Pattern GROUP_PATH = Pattern.compile("(/dev/vfio/|/sys/kernel/iommu_groups/)(\\d+)\\b");

    private final List<Entry> entries;
    private final Map<Integer, Integer> toModel = new TreeMap<>();
    private final List<String> conflicts = new ArrayList<>();

    private GroupTable(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        Map<Integer, Integer> toGuest = new TreeMap<>();
        for (Entry entry : entries) {
            if (entry.guest().isEmpty()) {
                conflicts.add(entry.address() + " (model group " + entry.model() + ") has no IOMMU group in the guest");
                continue;
            }
            int guest = entry.guest().get();
            Integer before = toGuest.putIfAbsent(entry.model(), guest);
            if (before != null && before != guest) {
                conflicts.add("model group " + entry.model() + " is split in the guest: groups " + before + " and " + guest);
            }
            Integer model = toModel.putIfAbsent(guest, entry.model());
            if (model != null && model != entry.model()) {
                conflicts.add("guest group " + guest + " joins model groups " + model + " and " + entry.model());
            }
        }
    }

    /**
     * {@return the table the guest wrote: one {@code MODEL ADDRESS [GUEST]} line a function}
     *
     * @param lines the guest's {@code groups} file
     * @throws IllegalArgumentException for a line of another shape
     */
    static GroupTable parse(List<String> lines) {
        List<Entry> entries = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            String[] words = line.strip().split("\\s+");
            if (words.length < 2 || words.length > 3) {
                throw new IllegalArgumentException("bad group line '" + line + "'");
            }
            Optional<Integer> guest = words.length == 3 ? Optional.of(Integer.parseInt(words[2])) : Optional.empty();
            entries.add(new Entry(Integer.parseInt(words[0]), words[1], guest));
        }
        return new GroupTable(entries);
    }

    /** {@return every function, in platform order} */
    List<Entry> entries() {
        return entries;
    }

    /** {@return what cannot be mirrored: a model group split or joined in the guest, a missing function} */
    List<String> conflicts() {
        return List.copyOf(conflicts);
    }

    /**
     * {@return the line with each guest group path given the model's number}
     *
     * @param line a guest trace line
     */
    String toModel(String line) {
        Matcher path = GROUP_PATH.matcher(line);
        StringBuilder out = new StringBuilder();
        while (path.find()) {
            int guest = Integer.parseInt(path.group(2));
            String number = Optional.ofNullable(toModel.get(guest)).map(String::valueOf).orElse(path.group(2));
            path.appendReplacement(out, Matcher.quoteReplacement(path.group(1) + number));
        }
        return path.appendTail(out).toString();
    }

    /**
     * One function's groups.
     *
     * @param model the group the platform gives it
     * @param address its PCI address
     * @param guest the guest's group, if the guest has the function in one
     */
    record Entry(int model, String address, Optional<Integer> guest) {
    }
}
