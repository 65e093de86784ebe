package org.devmodel.core.internal.proc;

import java.util.Map;
import java.util.TreeMap;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.FileOperations;
import org.devmodel.core.fs.FilePosition;
import org.devmodel.core.fs.MmapRequest;
import org.devmodel.core.fs.OpenFlags;
import org.devmodel.core.fs.Stat;
import org.devmodel.core.internal.DriverGate;
import org.devmodel.core.internal.fs.EventFd;
import org.devmodel.core.internal.fs.OpenFileImpl;
import org.devmodel.core.internal.fs.VfsImpl;
import org.devmodel.core.mem.MmioHandler;
import org.devmodel.core.proc.Mman;
import org.devmodel.core.proc.Syscalls;

/** The system calls of one task, each a thin layer over the VFS and the file's operations. */
final class SyscallsImpl implements Syscalls {
    private final TaskImpl task;
    private final FdTable fds;
    private final VfsImpl vfs;
    private final DriverGate gate;
    /** Device mappings hold their file open until unmapped, as a vma holds {@code vm_file}. */
    private final Map<Long, OpenFileImpl> mappedFiles = new TreeMap<>();

    SyscallsImpl(TaskImpl task, FdTable fds, VfsImpl vfs, DriverGate gate) {
        this.task = task;
        this.fds = fds;
        this.vfs = vfs;
        this.gate = gate;
    }

    /** A call on an open file, made with the reference {@code fdget} took. */
    @FunctionalInterface
    private interface FileCall<T> {
        T run(OpenFileImpl file, FileOperations ops) throws KernelException;
    }

    private <T> T withFile(int fd, String what, FileCall<T> call) throws KernelException {
        OpenFileImpl file = fds.get(fd);
        try {
            FileOperations ops = file.operations();
            return gate.call(ops, what, () -> call.run(file, ops));
        } finally {
            file.put();
        }
    }

    @Override
    public int open(String path, int flags) throws KernelException {
        int fd = fds.reserve();
        OpenFileImpl file;
        try {
            file = vfs.open(path, flags, task);
        } catch (KernelException | RuntimeException e) {
            fds.unreserve(fd);
            throw e;
        }
        fds.installAt(fd, file);
        return fd;
    }

    @Override
    public void close(int fd) throws KernelException {
        fds.remove(fd).put();
    }

    @Override
    public long read(int fd, long buf, long count) throws KernelException {
        return withFile(fd, "read", (file, ops) -> {
            requireMode(OpenFlags.readable(file.flags()), count);
            return ops.read(file, task, buf, count, file.position());
        });
    }

    @Override
    public long write(int fd, long buf, long count) throws KernelException {
        return withFile(fd, "write", (file, ops) -> {
            requireMode(OpenFlags.writable(file.flags()), count);
            return ops.write(file, task, buf, count, file.position());
        });
    }

    @Override
    public long pread(int fd, long buf, long count, long offset) throws KernelException {
        return withFile(fd, "read", (file, ops) -> {
            requireMode(OpenFlags.readable(file.flags()), count);
            return ops.read(file, task, buf, count, positionAt(offset));
        });
    }

    @Override
    public long pwrite(int fd, long buf, long count, long offset) throws KernelException {
        return withFile(fd, "write", (file, ops) -> {
            requireMode(OpenFlags.writable(file.flags()), count);
            return ops.write(file, task, buf, count, positionAt(offset));
        });
    }

    /** A file not opened for the access is EBADF; a negative count is EINVAL, as {@code rw_verify_area} says. */
    private static void requireMode(boolean allowed, long count) throws KernelException {
        if (!allowed) {
            throw new KernelException(Errno.EBADF);
        }
        if (count < 0) {
            throw new KernelException(Errno.EINVAL);
        }
    }

    private static FilePosition positionAt(long offset) throws KernelException {
        if (offset < 0) {
            throw new KernelException(Errno.EINVAL);
        }
        return new FilePosition(offset);
    }

    @Override
    public long lseek(int fd, long offset, int whence) throws KernelException {
        return withFile(fd, "llseek", (file, ops) -> ops.llseek(file, offset, whence));
    }

    @Override
    public long ioctl(int fd, int cmd, long arg) throws KernelException {
        // Not withFile: the hot path passes its arguments instead of capturing them.
        OpenFileImpl file = fds.get(fd);
        try {
            return gate.ioctl(file.operations(), file, task, cmd, arg, FileOperations::ioctl);
        } finally {
            file.put();
        }
    }

    @Override
    public Stat fstat(int fd) throws KernelException {
        OpenFileImpl file = fds.get(fd);
        try {
            return file.inode().stat();
        } finally {
            file.put();
        }
    }

    @Override
    public Stat stat(String path) throws KernelException {
        return vfs.statAs(path, task.credentials());
    }

    @Override
    public long mmap(long length, int prot, int flags, int fd, long offset) throws KernelException {
        int sharing = flags & (Mman.MAP_SHARED | Mman.MAP_PRIVATE);
        if (length <= 0 || sharing == 0 || sharing == (Mman.MAP_SHARED | Mman.MAP_PRIVATE)
                || offset % Mman.PAGE_SIZE != 0) {
            throw new KernelException(Errno.EINVAL);
        }
        if ((flags & Mman.MAP_ANONYMOUS) != 0) {
            return task.memory().mmap(length);
        }
        OpenFileImpl file = fds.get(fd);
        boolean kept = false;
        try {
            boolean writable = (prot & Mman.PROT_WRITE) != 0;
            if (sharing == Mman.MAP_SHARED && writable && !OpenFlags.writable(file.flags())) {
                throw new KernelException(Errno.EACCES);
            }
            long pages = (length + Mman.PAGE_SIZE - 1) / Mman.PAGE_SIZE;
            MmapRequest request = new MmapRequest(offset, pages * Mman.PAGE_SIZE, writable, sharing == Mman.MAP_SHARED);
            FileOperations ops = file.operations();
            MmioHandler region = gate.call(ops, "mmap", () -> ops.mmap(file, task, request));
            long address = task.memory().mmapDevice(length, region);
            synchronized (mappedFiles) {
                mappedFiles.put(address, file);
            }
            kept = true;
            return address;
        } finally {
            if (!kept) {
                file.put();
            }
        }
    }

    @Override
    public void munmap(long address, long length) throws KernelException {
        task.memory().munmap(address, length);
        OpenFileImpl file;
        synchronized (mappedFiles) {
            file = mappedFiles.remove(address);
        }
        if (file != null) {
            file.put();
        }
    }

    @Override
    public int eventfd(long initval, int flags) throws KernelException {
        return EventFd.create(vfs, task, initval, flags);
    }

    /** Drops the files that device mappings held, as process exit tears down its mm. */
    void dropMappings() {
        Map<Long, OpenFileImpl> held;
        synchronized (mappedFiles) {
            held = new TreeMap<>(mappedFiles);
            mappedFiles.clear();
        }
        held.values().forEach(OpenFileImpl::put);
    }
}
