package org.devmodel.core.proc;

import org.devmodel.core.KernelException;
import org.devmodel.core.fs.OpenFile;
import org.devmodel.core.mem.AddressSpace;

/**
 * A process ({@code task_struct}): credentials, limits, an fd table and, through
 * {@link #syscalls()}, the system calls it makes. Drivers receive the calling task as
 * {@code current}.
 */
public interface Task {
    /** The default {@code RLIMIT_MEMLOCK}: 64 KiB. */
    long DEFAULT_MEMLOCK_LIMIT = 64 * 1024;

    /** {@return the process id} */
    int pid();

    /** {@return the current credentials} */
    Credentials credentials();

    /**
     * Switches credentials, as {@code setresuid}/{@code setresgid} would. Later checks use them;
     * files already open stay usable.
     *
     * @param credentials the new credentials
     */
    void setCredentials(Credentials credentials);

    /** {@return {@code RLIMIT_MEMLOCK} in bytes} */
    long memlockLimit();

    /**
     * @param bytes the new {@code RLIMIT_MEMLOCK}
     */
    void setMemlockLimit(long bytes);

    /**
     * {@code fdget}: takes a reference on the file an fd refers to.
     *
     * @param fd the fd
     * @return the reference; close it when done
     * @throws KernelException EBADF when the fd is not open
     */
    FileRef fdget(int fd) throws KernelException;

    /**
     * {@code get_unused_fd_flags} + {@code fd_install}: gives an open file the lowest free fd. The fd
     * table takes over the caller's reference; when no fd is free the reference is dropped instead
     * ({@code fput}), so the file is released as the kernel releases it.
     *
     * @param file the file
     * @return the fd
     * @throws KernelException EMFILE when the table is full
     */
    int fdInstall(OpenFile file) throws KernelException;

    /** {@return the process's address space: where its pointers point} */
    AddressSpace memory();

    /** {@return the system calls this task makes} */
    Syscalls syscalls();
}
