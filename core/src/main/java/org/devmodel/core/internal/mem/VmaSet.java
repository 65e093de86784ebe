package org.devmodel.core.internal.mem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.devmodel.core.mem.Mapping;

/**
 * The non-overlapping areas of one address space, ordered by start address.
 *
 * <p>Not thread-safe: the owning address space calls it with its lock held.
 */
public final class VmaSet {
    private final TreeMap<Long, Vma> byStart = new TreeMap<>();

    /**
     * {@return whether any area intersects {@code [start, end)}}
     *
     * @param start the first address
     * @param end the first address after the range
     */
    public boolean overlaps(long start, long end) {
        Map.Entry<Long, Vma> below = byStart.lowerEntry(end);
        return below != null && below.getValue().end() > start;
    }

    /**
     * Adds an area; the caller has checked that it overlaps nothing.
     *
     * @param vma the area
     */
    public void insert(Vma vma) {
        byStart.put(vma.start(), vma);
    }

    /**
     * {@return the area containing an address, if any}
     *
     * @param address the address
     */
    public Optional<Vma> find(long address) {
        Map.Entry<Long, Vma> entry = byStart.floorEntry(address);
        return Optional.ofNullable(entry).map(Map.Entry::getValue).filter(vma -> vma.end() > address);
    }

    /**
     * Removes {@code [start, end)} from every area it touches, keeping the parts outside it.
     *
     * @param start the first address, page-aligned
     * @param end the end, page-aligned
     */
    public void remove(long start, long end) {
        List<Vma> touched = new ArrayList<>(byStart.subMap(start, end).values());
        Map.Entry<Long, Vma> below = byStart.lowerEntry(start);
        if (below != null && below.getValue().end() > start) {
            touched.add(0, below.getValue());
        }
        for (Vma vma : touched) {
            byStart.remove(vma.start());
            if (vma.start() < start) {
                insert(vma.slice(vma.start(), start));
            }
            if (vma.end() > end) {
                insert(vma.slice(end, vma.end()));
            }
        }
    }

    /** {@return the areas in address order, as the public listing shows them} */
    public List<Mapping> list() {
        return byStart.values().stream().map(Vma::toMapping).toList();
    }
}
