package org.devmodel.cli.conform;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a guest trace line in the model's numbering: IOMMU groups by PCI address, char majors by
 * name, addresses by the mmap that chose them. Immutable.
 *
 * @param groups the group table
 * @param majors the major table
 * @param addresses the address table
 */
record Translation(GroupTable groups, MajorTable majors, AddressTable addresses) {
    /**
     * {@return the line translated, and what translated it}
     *
     * @param line a guest trace line
     */
    Translated apply(String line) {
        List<String> what = new ArrayList<>();
        String text = line;
        String next = groups.toModel(text);
        if (!next.equals(text)) {
            what.add("group");
            text = next;
        }
        next = majors.toModel(text);
        if (!next.equals(text)) {
            what.add("major");
            text = next;
        }
        next = addresses.toModel(text);
        if (!next.equals(text)) {
            what.add("address");
            text = next;
        }
        return new Translated(text, List.copyOf(what));
    }

    /**
     * A guest line in the model's numbering.
     *
     * @param text the translated line
     * @param by what translated it: {@code group}, {@code major}, {@code address}; empty if nothing
     */
    record Translated(String text, List<String> by) {
    }
}
