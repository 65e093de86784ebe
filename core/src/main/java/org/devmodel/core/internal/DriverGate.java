package org.devmodel.core.internal;

import java.util.Objects;
import java.util.ServiceConfigurationError;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.internal.fault.Tracker;
import org.devmodel.core.log.KernelLog;
import org.devmodel.core.module.DriverCalls;
import org.devmodel.core.proc.Task;

/**
 * Every call into driver code goes through here, from the kernel and from other modules, and so
 * does the module loader's {@code init} and {@code exit}: it runs as the owning module, so the
 * driver's acquisitions are its steps, and an unexpected Java exception (a driver bug) is caught,
 * logged with the module's name and reported as EIO ({@link #bug}, the one place that rule is
 * written), so it never kills the kernel.
 */
public final class DriverGate implements DriverCalls {
    private final Tracker tracker;
    private final KernelLog log;
    private final ModuleGlue glue;

    /**
     * @param tracker runs calls as their owner
     * @param log receives driver bugs
     * @param glue who owns which code
     */
    public DriverGate(Tracker tracker, KernelLog log, ModuleGlue glue) {
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.log = Objects.requireNonNull(log, "log");
        this.glue = Objects.requireNonNull(glue, "glue");
    }

    @Override
    public <T> T call(Object code, String what, DriverCall<T> call) throws KernelException {
        return callAs(glue.ownerName(code), what, call);
    }

    /**
     * Runs code as a named module, for code that no object of the module stands for yet (creating
     * the module's provider, its {@code init} and {@code exit}).
     *
     * @param owner the module name
     * @param what the operation, for the log
     * @param call the call
     * @param <T> its result
     * @return the driver's result
     * @throws KernelException the driver's errno, or EIO for a driver bug
     */
    public <T> T callAs(String owner, String what, DriverCall<T> call) throws KernelException {
        tracker.enter(owner);
        try {
            return call.run();
        } catch (KernelException e) {
            throw e;
        } catch (Exception | ServiceConfigurationError e) {
            throw bug(owner, what, e);
        } finally {
            tracker.leave();
        }
    }

    @Override
    public void callVoid(Object code, String what, Runnable call) {
        try {
            call(code, what, () -> {
                call.run();
                return null;
            });
        } catch (KernelException e) {
            // already logged as a driver bug; the operation has no caller to tell
        }
    }

    @Override
    public <C, A> long ioctl(C code, A target, Task current, int cmd, long arg, IoctlOp<C, A> op)
            throws KernelException {
        String owner = glue.ownerName(code);
        tracker.enter(owner);
        try {
            return op.ioctl(code, target, current, cmd, arg);
        } catch (RuntimeException e) {
            throw bug(owner, "ioctl", e);
        } finally {
            tracker.leave();
        }
    }

    /** A driver bug: logged with the module's name, reported to the caller as EIO. */
    private KernelException bug(String owner, String what, Throwable e) {
        log.err("BUG: " + owner + ": " + what + " threw " + e);
        return new KernelException(Errno.EIO, owner + ": " + what + " failed: " + e, e);
    }

    /** {@return the module loader's view} */
    public ModuleGlue glue() {
        return glue;
    }
}
