package org.devmodel.vfio.iommu.type1;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code dma_list}: a container's mappings ordered by IOVA, which never overlap. v3.14 keeps an
 * rb-tree; a red-black {@link TreeMap} keyed by IOVA (compared unsigned) gives the same O(log n)
 * find, insert and remove. Not thread-safe: the container's lock guards it.
 */
final class DmaList {
    private final TreeMap<Long, VfioDma> tree = new TreeMap<>(Long::compareUnsigned);

    /**
     * {@code vfio_find_dma}: any mapping overlapping {@code [start, last]}. Since mappings never
     * overlap, only the one starting last at or below {@code last} can.
     *
     * @param start the first address
     * @param last the last address, not below {@code start}
     * @return the mapping, or null
     */
    VfioDma find(long start, long last) {
        Map.Entry<Long, VfioDma> below = tree.floorEntry(last);
        if (below == null || Long.compareUnsigned(below.getValue().last(), start) < 0) {
            return null;
        }
        return below.getValue();
    }

    /**
     * {@return the mapping holding an address, or null}
     *
     * @param iova the address
     */
    VfioDma containing(long iova) {
        return find(iova, iova);
    }

    /**
     * {@code vfio_insert_dma}.
     *
     * @param dma a mapping overlapping none in the list
     */
    void insert(VfioDma dma) {
        tree.put(dma.iova, dma);
    }

    /**
     * {@code vfio_remove_dma}; call before changing the mapping's IOVA.
     *
     * @param dma a mapping in the list
     */
    void remove(VfioDma dma) {
        tree.remove(dma.iova);
    }

    /** {@return the mapping with the lowest IOVA ({@code rb_first}), or null} */
    VfioDma first() {
        Map.Entry<Long, VfioDma> first = tree.firstEntry();
        return first == null ? null : first.getValue();
    }

    /** {@return how many mappings there are} */
    int size() {
        return tree.size();
    }

    /** {@return the mappings as text, by IOVA (see {@link VfioDma#toString})} */
    List<String> describe() {
        List<String> lines = new ArrayList<>(tree.size());
        tree.values().forEach(dma -> lines.add(dma.toString()));
        return lines;
    }
}
