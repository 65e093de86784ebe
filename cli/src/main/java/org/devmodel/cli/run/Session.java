package org.devmodel.cli.run;

import org.devmodel.cli.admin.BootedKernel;
import org.devmodel.cli.script.Position;
import org.devmodel.cli.script.ScriptException;
import org.devmodel.cli.script.Value;
import org.devmodel.core.Errno;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.OpenFlags;
import org.devmodel.core.proc.Credentials;
import org.devmodel.core.proc.FileRef;
import org.devmodel.core.proc.Task;

/**
 * The process a script runs as, on one booted kernel: uid 0, RLIMIT_MEMLOCK 64 KiB, fds 0-2 taken,
 * its NAMEs and its scratch memory. Not thread-safe: one script runs at a time.
 */
final class Session implements AutoCloseable {
    private final BootedKernel booted;
    private final Task task;
    private final Bindings bindings = new Bindings();
    private final Scratch scratch;
    private final DeviceFiles deviceFiles;

    /**
     * Starts the process.
     *
     * @param booted the kernel and its parts
     * @throws KernelException if the scratch area cannot be mapped
     */
    Session(BootedKernel booted) throws KernelException {
        this.booted = booted;
        this.task = booted.kernel().spawn(Credentials.ROOT);
        this.scratch = new Scratch(task.memory());
        this.deviceFiles = new DeviceFiles(booted.kernel(), task);
    }

    BootedKernel booted() {
        return booted;
    }

    Kernel kernel() {
        return booted.kernel();
    }

    Task task() {
        return task;
    }

    Bindings bindings() {
        return bindings;
    }

    Scratch scratch() {
        return scratch;
    }

    DeviceFiles deviceFiles() {
        return deviceFiles;
    }

    /**
     * {@return a value's number now: a literal, a buffer's address plus offset, or an fd}
     *
     * @param value the value
     * @throws ScriptException for an unknown NAME
     */
    long resolve(Value value) throws ScriptException {
        if (value instanceof Value.BufferAddress address) {
            return bindings.buffer(address.buffer()) + address.offset();
        }
        if (value instanceof Value.FdNumber fd) {
            return bindings.fd(fd.fd());
        }
        return ((Value.Literal) value).value();
    }

    /**
     * Runs a call that may block. Drivers answer EAGAIN where a real call would sleep; on a
     * blocking fd the runner then advances the virtual clock to the next device timer and tries
     * again, so the outcome never depends on timing.
     *
     * @param fd the fd the call uses
     * @param call the call
     * @param at the command, for the error
     * @return the call's result
     * @throws KernelException the call's failure
     * @throws ScriptException when the call would block and no timer is pending
     */
    long blocking(int fd, BlockingCall call, Position at) throws KernelException, ScriptException {
        while (true) {
            try {
                return call.run();
            } catch (KernelException e) {
                if (e.errno() != Errno.EAGAIN || !blocks(fd)) {
                    throw e;
                }
                if (!kernel().clock().runNextTimer()) {
                    throw new ScriptException(at, "the call would block forever: no device timer is pending");
                }
            }
        }
    }

    private boolean blocks(int fd) {
        try (FileRef ref = task.fdget(fd)) {
            return (ref.file().flags() & OpenFlags.O_NONBLOCK) == 0;
        } catch (KernelException e) {
            return false;
        }
    }

    @Override
    public void close() {
        kernel().exit(task);
    }

    /** A system call that may answer EAGAIN. */
    @FunctionalInterface
    interface BlockingCall {
        /**
         * {@return the call's result}
         *
         * @throws KernelException its failure
         */
        long run() throws KernelException;
    }
}
