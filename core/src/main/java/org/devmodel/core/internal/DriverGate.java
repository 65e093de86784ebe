package org.devmodel.core.internal;

import java.util.Objects;
import java.util.function.Supplier;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.internal.fault.Tracker;
import org.devmodel.core.log.KernelLog;
import org.devmodel.core.module.DriverCalls;

/**
 * Every call from the kernel into driver code goes through here: it runs as the owning module, so
 * the driver's acquisitions are its steps, and an unexpected Java exception (a driver bug) is
 * caught, logged with the module's name and reported as EIO, so it never kills the kernel.
 */
public final class DriverGate implements DriverCalls {
    private final Tracker tracker;
    private final KernelLog log;
    private final Supplier<ModuleGlue> glue;

    /**
     * @param tracker runs calls as their owner
     * @param log receives driver bugs
     * @param glue the module loader's view, read at each call since the loader is installed after boot
     */
    public DriverGate(Tracker tracker, KernelLog log, Supplier<ModuleGlue> glue) {
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.log = Objects.requireNonNull(log, "log");
        this.glue = Objects.requireNonNull(glue, "glue");
    }

    @Override
    public <T> T call(Object code, String what, DriverCall<T> call) throws KernelException {
        String owner = glue.get().ownerName(code);
        try {
            return tracker.callAs(owner, call::run);
        } catch (KernelException e) {
            throw e;
        } catch (Exception e) {
            log.err("BUG: " + owner + ": " + what + " threw " + e);
            throw new KernelException(Errno.EIO, owner + ": " + what + " failed: " + e, e);
        }
    }

    /**
     * Calls into a driver where the kernel has no way to report failure ({@code release}).
     *
     * @param code the driver object called
     * @param what the operation, for the log
     * @param call the call
     */
    public void callVoid(Object code, String what, Runnable call) {
        try {
            call(code, what, () -> {
                call.run();
                return null;
            });
        } catch (KernelException e) {
            // already logged as a driver bug; release has no caller to tell
        }
    }

    /** {@return the module loader's view} */
    public ModuleGlue glue() {
        return glue.get();
    }
}
