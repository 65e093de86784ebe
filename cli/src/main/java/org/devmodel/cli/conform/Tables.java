package org.devmodel.cli.conform;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints the translation tables before the comparison, so every translated line can be checked by eye. */
final class Tables {
    private Tables() {
    }

    /**
     * Prints the group table (model group, guest group, the functions) and the major table.
     *
     * @param groups the group table
     * @param majors the major table
     * @param out where to print
     */
    static void print(GroupTable groups, MajorTable majors, PrintWriter out) {
        out.println("IOMMU groups, model -> guest (the guest's /sys/bus/pci/devices/ADDR/iommu_group):");
        Map<String, StringBuilder> rows = new LinkedHashMap<>();
        for (GroupTable.Entry entry : groups.entries()) {
            String key = String.format("  %3d -> %-4s", entry.model(), entry.guest().map(String::valueOf).orElse("-"));
            rows.computeIfAbsent(key, k -> new StringBuilder(k)).append(' ').append(entry.address());
        }
        rows.values().forEach(out::println);
        groups.conflicts().forEach(conflict -> out.println("  ! " + conflict));
        List<String> translated = majors.describe();
        out.println("char majors, model -> guest (by name in /proc/devices): "
                + (translated.isEmpty() ? "all equal" : String.join(", ", translated)));
        out.println();
    }
}
