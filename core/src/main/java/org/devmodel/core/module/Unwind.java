package org.devmodel.core.module;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import org.devmodel.core.log.KernelLog;

/**
 * The error labels of a C {@code init} as a Java try-with-resources: register each undo right after
 * its acquisition; leaving the block without {@link #commit()} runs the undos in reverse order, so
 * the unwind order cannot silently go wrong.
 *
 * <p>As in {@code vfio_init}, a label is named for the step whose failure jumps to it: the undo
 * registered after {@code misc_register} runs when {@code class_create} fails, so it is
 * {@code err_class}; the one after {@code class_create} is {@code err_alloc_chrdev}; the one after
 * {@code alloc_chrdev_region} is {@code err_cdev_add}.
 *
 * <pre>{@code
 * try (Unwind unwind = context.unwind()) {
 *     misc.register(vfioDev);
 *     unwind.onError(() -> misc.deregister(vfioDev));                                // err_class
 *     vfioClass = devices.classCreate("vfio", Vfio::devnode);
 *     unwind.onError(() -> devices.classDestroy(vfioClass));                        // err_alloc_chrdev
 *     groupDevt = chrdev.allocRegion(0, DevT.MINORMASK, "vfio");
 *     unwind.onError(() -> chrdev.unregisterRegion(groupDevt, DevT.MINORMASK));     // err_cdev_add
 *     groupCdev = chrdev.cdevAdd(groupDevt, DevT.MINORMASK, groupFops);
 *     unwind.commit();
 * }
 * }</pre>
 *
 * <p>An undo that throws (a bug: the kernel's releases cannot fail) is logged and the remaining undos
 * still run, so one bad release does not leak everything acquired before it.
 *
 * <p>Not thread-safe: one {@code init} owns it.
 */
public final class Unwind implements AutoCloseable {
    private final KernelLog log;
    private final String owner;
    private final Deque<Runnable> undos = new ArrayDeque<>();
    private boolean committed;

    /**
     * @param log where an undo that throws is reported
     * @param owner the module or subsystem unwinding, for the log
     */
    public Unwind(KernelLog log, String owner) {
        this.log = Objects.requireNonNull(log, "log");
        this.owner = Objects.requireNonNull(owner, "owner");
    }

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

    /** Runs every undo in reverse order of registration unless {@link #commit()} was called. */
    @Override
    public void close() {
        while (!undos.isEmpty()) {
            try {
                undos.pop().run();
            } catch (RuntimeException e) {
                log.err("BUG: " + owner + ": undo threw " + e);
            }
        }
    }
}
