package org.devmodel.core.module;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * The error labels of a C {@code init} as a Java try-with-resources: register each undo right after
 * its acquisition; leaving the block without {@link #commit()} runs the undos in reverse order, so
 * the unwind order cannot silently go wrong.
 *
 * <pre>{@code
 * try (Unwind unwind = new Unwind()) {
 *     vfioClass = devices.classCreate("vfio", Vfio::devnode);
 *     unwind.onError(() -> devices.classDestroy(vfioClass));   // err_class
 *     groupDevt = chrdev.allocRegion(0, DevT.MINORMASK, "vfio");
 *     unwind.onError(() -> chrdev.unregisterRegion(groupDevt, DevT.MINORMASK));
 *     ...
 *     unwind.commit();
 * }
 * }</pre>
 *
 * <p>Not thread-safe: one {@code init} owns it.
 */
public final class Unwind implements AutoCloseable {
    private final Deque<Runnable> undos = new ArrayDeque<>();
    private boolean committed;

    /**
     * Registers the undo of the acquisition just made.
     *
     * @param undo the release, run only if the block is left without {@link #commit()}
     */
    public void onError(Runnable undo) {
        if (committed) {
            throw new IllegalStateException("onError after commit");
        }
        undos.push(Objects.requireNonNull(undo, "undo"));
    }

    /** Keeps everything acquired: the undos will not run. */
    public void commit() {
        committed = true;
        undos.clear();
    }

    /** Runs the undos in reverse order of registration unless {@link #commit()} was called. */
    @Override
    public void close() {
        while (!undos.isEmpty()) {
            undos.pop().run();
        }
    }
}
