package org.devmodel.core.internal.proc;

import java.util.BitSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.internal.fs.OpenFileImpl;

/**
 * A process's fd table: the lowest free fd is handed out first, from 3 since 0 to 2 are the
 * standard streams. An array indexed by fd, as the kernel's {@code fdtable}: changes take the
 * table's lock, a lookup takes none ({@code __fget} under RCU), so the fd of every call is found
 * without a lock or a search.
 */
final class FdTable {
    static final int FIRST_FD = 3;
    static final int MAX_FDS = 1024;

    private final AtomicReferenceArray<OpenFileImpl> files = new AtomicReferenceArray<>(MAX_FDS);
    /** Fds in use: installed, or taken by {@link #reserve()} with their file not installed yet. */
    private final BitSet taken = new BitSet(MAX_FDS);

    synchronized int install(OpenFileImpl file) throws KernelException {
        int fd = reserve();
        installAt(fd, file);
        return fd;
    }

    /**
     * {@code get_unused_fd_flags}: takes the lowest free fd before the file exists, so that a full
     * table is EMFILE before any driver code runs.
     */
    synchronized int reserve() throws KernelException {
        int fd = taken.nextClearBit(FIRST_FD);
        if (fd >= MAX_FDS) {
            throw new KernelException(Errno.EMFILE);
        }
        taken.set(fd);
        return fd;
    }

    /** {@code fd_install}: gives a reserved fd its file. */
    synchronized void installAt(int fd, OpenFileImpl file) {
        if (!taken.get(fd) || files.get(fd) != null) {
            throw new IllegalStateException("fd " + fd + " was not reserved");
        }
        files.set(fd, file);
    }

    /** {@code put_unused_fd}: gives back a reserved fd whose open failed. */
    synchronized void unreserve(int fd) {
        if (files.get(fd) == null) {
            taken.clear(fd);
        }
    }

    /**
     * Looks an fd up and takes a reference ({@code fget}), without the table's lock: a file whose
     * last reference is being dropped by a racing {@code close} is not taken, and the fd is looked
     * up again, as {@code __fget} does.
     */
    OpenFileImpl get(int fd) throws KernelException {
        if (fd < 0 || fd >= MAX_FDS) {
            throw new KernelException(Errno.EBADF);
        }
        while (true) {
            OpenFileImpl file = files.get(fd);
            if (file == null) {
                throw new KernelException(Errno.EBADF);
            }
            if (file.tryGet()) {
                return file;
            }
        }
    }

    /** Removes an fd and returns the table's reference to drop. */
    synchronized OpenFileImpl remove(int fd) throws KernelException {
        OpenFileImpl file = fd < 0 || fd >= MAX_FDS ? null : files.getAndSet(fd, null);
        if (file == null) {
            throw new KernelException(Errno.EBADF);
        }
        taken.clear(fd);
        return file;
    }

    /** Empties the table; the caller drops each reference (process exit). */
    synchronized Map<Integer, OpenFileImpl> drain() {
        Map<Integer, OpenFileImpl> all = snapshot();
        all.keySet().forEach(fd -> {
            files.set(fd, null);
            taken.clear(fd);
        });
        return all;
    }

    synchronized Map<Integer, OpenFileImpl> snapshot() {
        Map<Integer, OpenFileImpl> all = new TreeMap<>();
        for (int fd = FIRST_FD; fd < MAX_FDS; fd++) {
            OpenFileImpl file = files.get(fd);
            if (file != null) {
                all.put(fd, file);
            }
        }
        return all;
    }
}
