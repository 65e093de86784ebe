package org.devmodel.core.internal.fault;

import java.util.Arrays;
import org.devmodel.core.fault.LedgerEvent;

/**
 * The calls in progress on one thread, innermost last: who owns each and, for a tracked call, its
 * scope id. Kept as two growing arrays rather than a stack of objects, because every call into a
 * driver pushes a frame and that path must not allocate.
 */
final class Frames {
    private String[] owners = new String[8];
    private long[] scopes = new long[8];
    private int depth;

    void push(String owner, long scope) {
        if (depth == owners.length) {
            owners = Arrays.copyOf(owners, depth * 2);
            scopes = Arrays.copyOf(scopes, depth * 2);
        }
        owners[depth] = owner;
        scopes[depth] = scope;
        depth++;
    }

    void pop() {
        owners[--depth] = null;
    }

    /** {@return the owner of the innermost call, or {@link LedgerEvent#KERNEL} outside any} */
    String owner() {
        return depth == 0 ? LedgerEvent.KERNEL : owners[depth - 1];
    }

    /** {@return the scope of the innermost call, 0 outside any tracked call} */
    long scope() {
        return depth == 0 ? 0 : scopes[depth - 1];
    }
}
