package org.devmodel.cli.machine;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.devmodel.core.KernelException;
import org.devmodel.core.mem.UserMemory;
import org.devmodel.core.proc.Syscalls;

/**
 * The process a script runs as. Its fds are numbered as the model numbers them, the lowest free
 * from 3 in the order the script got them, whatever numbers the kernel behind them uses; an fd the
 * process does not hold is EBADF without reaching that kernel. Not thread-safe.
 */
public interface ScriptProcess extends AutoCloseable {

    /** {@return the process's system calls, fds numbered as the script sees them} */
    Syscalls syscalls();

    /** {@return the process's memory, where arguments are laid out and mappings are read} */
    UserMemory memory();

    /**
     * Maps anonymous memory at a fixed address, never over another mapping.
     *
     * @param address the start, page aligned
     * @param length the length
     * @throws KernelException EEXIST when the range is taken
     */
    void mapFixed(long address, long length) throws KernelException;

    /**
     * {@return the number the kernel knows an fd by, for an fd the script writes into memory
     * ({@code @NAME}, {@code #NAME}); -1 for an fd the process does not hold}
     *
     * @param fd the script's number
     */
    int kernelFd(int fd);

    /**
     * {@return the script's number for an fd the kernel knows by {@code kernelFd}, as read back
     * from memory; the value itself when the process holds no such fd}
     *
     * @param kernelFd the kernel's number
     */
    int scriptFd(int kernelFd);

    /**
     * {@return a new process with this one's credentials and fds of its own, as a tool the script
     * runs ({@code cat}) gets; close it when done}
     *
     * @throws KernelException if it cannot be set up
     */
    ScriptProcess sibling() throws KernelException;

    /**
     * {@return what of this process still holds a file of a PCI function's VFIO device, e.g.
     * {@code fd 5} or {@code a mapping of it}; empty when nothing does, or when the kernel does not say}
     *
     * @param device the function's address, e.g. {@code 0000:00:03.0}
     */
    Optional<String> holderOf(String device);

    /**
     * Makes a call that may block on an fd. Where the fd is non-blocking the call is just made.
     *
     * @param fd the fd the call uses
     * @param direction whether the call reads or writes
     * @param call the call
     * @return the call's result
     * @throws KernelException the call's failure
     * @throws CannotRunException when the call would block for good (the model: no device timer is
     *     pending) or for longer than this process waits (the host)
     */
    long blocking(int fd, Direction direction, BlockingCall call) throws KernelException, CannotRunException;

    /**
     * {@code user UID [GID]}: switches the process's credentials.
     *
     * @param uid the user id
     * @param gid the group id, or the current one
     * @throws CannotRunException where credentials cannot be switched
     */
    void setCredentials(int uid, OptionalInt gid) throws CannotRunException;

    /**
     * {@code ulimit -l}: sets {@code RLIMIT_MEMLOCK}.
     *
     * @param bytes the limit in bytes
     * @throws CannotRunException where the limit cannot be set
     */
    void setMemlockLimit(long bytes) throws CannotRunException;

    /**
     * {@code sleep}: lets time pass.
     *
     * @param duration how long
     * @throws CannotRunException when the wait is interrupted
     */
    void sleep(Duration duration) throws CannotRunException;

    /** Ends the process: its fds are closed and its mappings undone. */
    @Override
    void close();

    /** Which way a blocking call moves data. */
    enum Direction {
        /** A read: it waits for data. */
        READ,
        /** A write: it waits for room. */
        WRITE
    }

    /** A system call that may block. */
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
