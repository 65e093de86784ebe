package org.devmodel.core.internal.proc;

import java.util.Map;
import java.util.Objects;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.OpenFile;
import org.devmodel.core.internal.DriverGate;
import org.devmodel.core.internal.fs.OpenFileImpl;
import org.devmodel.core.internal.fs.VfsImpl;
import org.devmodel.core.mem.AddressSpace;
import org.devmodel.core.proc.Credentials;
import org.devmodel.core.proc.FileRef;
import org.devmodel.core.proc.Syscalls;
import org.devmodel.core.proc.Task;

/** A process: credentials, limits, fd table and address space. */
public final class TaskImpl implements Task {
    private final int pid;
    private final FdTable fds = new FdTable();
    private final AddressSpace memory = new AddressSpace();
    private final SyscallsImpl syscalls;
    private volatile Credentials credentials;
    private volatile long memlockLimit = DEFAULT_MEMLOCK_LIMIT;

    /**
     * @param pid the process id
     * @param credentials its starting credentials
     * @param vfs where its paths resolve
     * @param gate calls into drivers
     */
    public TaskImpl(int pid, Credentials credentials, VfsImpl vfs, DriverGate gate) {
        this.pid = pid;
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.syscalls = new SyscallsImpl(this, fds, vfs, gate);
    }

    @Override
    public int pid() {
        return pid;
    }

    @Override
    public Credentials credentials() {
        return credentials;
    }

    @Override
    public void setCredentials(Credentials credentials) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    @Override
    public long memlockLimit() {
        return memlockLimit;
    }

    @Override
    public void setMemlockLimit(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("negative limit: " + bytes);
        }
        this.memlockLimit = bytes;
    }

    @Override
    public FileRef fdget(int fd) throws KernelException {
        OpenFileImpl file = fds.get(fd);
        return new FileRef() {
            @Override
            public OpenFile file() {
                return file;
            }

            @Override
            public void close() {
                file.put();
            }
        };
    }

    @Override
    public int fdInstall(OpenFile file) throws KernelException {
        if (!(file instanceof OpenFileImpl impl)) {
            throw new IllegalArgumentException("not a kernel file: " + file);
        }
        try {
            return fds.install(impl);
        } catch (KernelException e) {
            impl.put();
            throw e;
        }
    }

    @Override
    public AddressSpace memory() {
        return memory;
    }

    @Override
    public Syscalls syscalls() {
        return syscalls;
    }

    /** Closes every fd, as process exit does. */
    public void exit() {
        fds.drain().values().forEach(OpenFileImpl::put);
        syscalls.dropMappings();
    }

    /** {@return the open fds and their files, for snapshots} */
    public Map<Integer, OpenFileImpl> openFiles() {
        return fds.snapshot();
    }

    @Override
    public String toString() {
        return "pid " + pid;
    }
}
