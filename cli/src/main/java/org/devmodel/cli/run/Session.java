package org.devmodel.cli.run;

import org.devmodel.cli.machine.CannotRunException;
import org.devmodel.cli.machine.Machine;
import org.devmodel.cli.machine.ScriptProcess;
import org.devmodel.cli.script.Position;
import org.devmodel.cli.script.ScriptException;
import org.devmodel.cli.script.Value;
import org.devmodel.core.KernelException;

/**
 * The process a script runs as, on one machine: uid 0, fds from 3, its NAMEs and its scratch
 * memory. Not thread-safe: one script runs at a time.
 */
final class Session implements AutoCloseable {
    private final Machine machine;
    private final ScriptProcess process;
    private final Bindings bindings = new Bindings();
    private final Scratch scratch;

    /**
     * Starts the process.
     *
     * @param machine the kernel and its tools
     * @throws KernelException if the process or its scratch area cannot be set up
     */
    Session(Machine machine) throws KernelException {
        this.machine = machine;
        this.process = machine.spawn();
        try {
            this.scratch = new Scratch(process);
        } catch (KernelException e) {
            process.close();
            throw e;
        }
    }

    Machine machine() {
        return machine;
    }

    ScriptProcess process() {
        return process;
    }

    Bindings bindings() {
        return bindings;
    }

    Scratch scratch() {
        return scratch;
    }

    /**
     * {@return a value's number as the kernel receives it: a literal, a buffer's address plus
     * offset, or the kernel's number for an fd}
     *
     * @param value the value
     * @throws ScriptException for an unknown NAME
     */
    long resolve(Value value) throws ScriptException {
        if (value instanceof Value.BufferAddress address) {
            return bindings.buffer(address.buffer()) + address.offset();
        }
        if (value instanceof Value.FdNumber fd) {
            return process.kernelFd(bindings.fd(fd.fd()));
        }
        return ((Value.Literal) value).value();
    }

    /**
     * Runs a call that may block, as the machine lets it wait.
     *
     * @param fd the fd the call uses
     * @param direction whether it reads or writes
     * @param call the call
     * @param at the command, for the error
     * @return the call's result
     * @throws KernelException the call's failure
     * @throws ScriptException when the call would block for good, or longer than the machine waits
     */
    long blocking(int fd, ScriptProcess.Direction direction, ScriptProcess.BlockingCall call, Position at)
            throws KernelException, ScriptException {
        try {
            return process.blocking(fd, direction, call);
        } catch (CannotRunException e) {
            throw new ScriptException(at, e.getMessage());
        }
    }

    /**
     * Runs a command that prints nothing and may not be possible on this machine.
     *
     * @param action the command
     * @param at the command, for the error
     * @return a silent success
     * @throws ScriptException when the machine cannot run it
     */
    Outcome runs(ProcessAction action, Position at) throws ScriptException {
        try {
            action.run();
            return Outcome.silent();
        } catch (CannotRunException e) {
            throw new ScriptException(at, e.getMessage());
        }
    }

    @Override
    public void close() {
        process.close();
    }

    /** A command that changes the process and prints nothing. */
    @FunctionalInterface
    interface ProcessAction {
        /**
         * Does it.
         *
         * @throws CannotRunException when this machine cannot
         */
        void run() throws CannotRunException;
    }
}
