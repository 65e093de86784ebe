package org.devmodel.vfio.client.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.devmodel.core.KernelException;

/**
 * The resources a parent handed out that are still open (a group's devices, a device's mappings),
 * so the parent can close them before itself, newest first. Thread-safe.
 *
 * @param <T> the resource
 */
public final class OpenChildren<T> {
    private final Set<T> open = new LinkedHashSet<>();
    private final Closer<T> closer;

    /** How one child is closed; it calls {@link #remove} itself. */
    @FunctionalInterface
    public interface Closer<T> {
        /**
         * Closes a child.
         *
         * @param child the child
         * @throws KernelException the errno of its close
         */
        void close(T child) throws KernelException;
    }

    /**
     * Creates an empty set.
     *
     * @param closer how a child is closed
     */
    public OpenChildren(Closer<T> closer) {
        this.closer = closer;
    }

    /**
     * Records a child just opened.
     *
     * @param child the child
     * @return the child
     */
    public synchronized T add(T child) {
        open.add(child);
        return child;
    }

    /**
     * Forgets a child that was closed.
     *
     * @param child the child
     */
    public synchronized void remove(T child) {
        open.remove(child);
    }

    /**
     * Closes every child still open, newest first, trying each even when one fails.
     *
     * @throws KernelException the first errno
     */
    public void closeAll() throws KernelException {
        List<T> children;
        synchronized (this) {
            children = new ArrayList<>(open);
        }
        KernelException first = null;
        for (int i = children.size() - 1; i >= 0; i--) {
            try {
                closer.close(children.get(i));
            } catch (KernelException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
