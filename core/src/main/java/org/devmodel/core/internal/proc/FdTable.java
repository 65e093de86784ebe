package org.devmodel.core.internal.proc;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.internal.fs.OpenFileImpl;

/**
 * A process's fd table: the lowest free fd is handed out first, from 3 since 0 to 2 are the
 * standard streams.
 */
final class FdTable {
    static final int FIRST_FD = 3;
    static final int MAX_FDS = 1024;

    private final Map<Integer, OpenFileImpl> files = new TreeMap<>();
    /** Fds taken by {@link #reserve()} whose file is not installed yet. */
    private final Set<Integer> reserved = new TreeSet<>();

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
        int fd = FIRST_FD;
        while (files.containsKey(fd) || reserved.contains(fd)) {
            fd++;
        }
        if (fd >= MAX_FDS) {
            throw new KernelException(Errno.EMFILE);
        }
        reserved.add(fd);
        return fd;
    }

    /** {@code fd_install}: gives a reserved fd its file. */
    synchronized void installAt(int fd, OpenFileImpl file) {
        if (!reserved.remove(fd)) {
            throw new IllegalStateException("fd " + fd + " was not reserved");
        }
        files.put(fd, file);
    }

    /** {@code put_unused_fd}: gives back a reserved fd whose open failed. */
    synchronized void unreserve(int fd) {
        reserved.remove(fd);
    }

    /** Looks an fd up and takes a reference ({@code fget}). */
    synchronized OpenFileImpl get(int fd) throws KernelException {
        OpenFileImpl file = files.get(fd);
        if (file == null) {
            throw new KernelException(Errno.EBADF);
        }
        file.get();
        return file;
    }

    /** Removes an fd and returns the table's reference to drop. */
    synchronized OpenFileImpl remove(int fd) throws KernelException {
        OpenFileImpl file = files.remove(fd);
        if (file == null) {
            throw new KernelException(Errno.EBADF);
        }
        return file;
    }

    /** Empties the table; the caller drops each reference (process exit). */
    synchronized Map<Integer, OpenFileImpl> drain() {
        Map<Integer, OpenFileImpl> all = new TreeMap<>(files);
        files.clear();
        return all;
    }

    synchronized Map<Integer, OpenFileImpl> snapshot() {
        return new TreeMap<>(files);
    }
}
