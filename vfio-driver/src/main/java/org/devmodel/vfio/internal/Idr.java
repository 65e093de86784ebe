package org.devmodel.vfio.internal;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;

/**
 * {@code struct idr}: integer ids mapped to objects, each allocation the lowest free id of a range,
 * as vfio hands out group minors. Not thread-safe: vfio holds its {@code group_lock}.
 *
 * @param <T> what an id maps to
 */
final class Idr<T> {
    private final BitSet used = new BitSet();
    private final Map<Integer, T> objects = new HashMap<>();

    /**
     * {@code idr_alloc(idr, ptr, start, end)}: the lowest free id in {@code [start, end)}.
     *
     * @param object what the id maps to
     * @param start the lowest id allowed
     * @param end one past the highest id allowed
     * @return the id
     * @throws KernelException ENOSPC when every id of the range is taken
     */
    int alloc(T object, int start, int end) throws KernelException {
        int id = used.nextClearBit(start);
        if (id >= end) {
            throw new KernelException(Errno.ENOSPC, "idr_alloc: no free id in [" + start + ", " + end + ")");
        }
        used.set(id);
        objects.put(id, object);
        return id;
    }

    /**
     * {@return {@code idr_find}: the object of an id}
     *
     * @param id the id
     */
    Optional<T> find(int id) {
        return Optional.ofNullable(objects.get(id));
    }

    /**
     * {@code idr_remove}: frees an id.
     *
     * @param id the id
     */
    void remove(int id) {
        used.clear(id);
        objects.remove(id);
    }

    /** {@return how many ids are taken} */
    int size() {
        return objects.size();
    }
}
