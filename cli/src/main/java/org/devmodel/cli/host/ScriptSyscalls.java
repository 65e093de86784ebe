package org.devmodel.cli.host;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.Stat;
import org.devmodel.core.proc.Syscalls;
import org.devmodel.host.HostSyscalls;

/**
 * The host's system calls as the script's process makes them: fds go through {@link ScriptFds},
 * and mappings are remembered so that {@link #close()} undoes them with the fds.
 */
final class ScriptSyscalls implements Syscalls, AutoCloseable {
    private final HostSyscalls host;
    private final ScriptFds fds;
    private final Map<Long, Long> mappings = new LinkedHashMap<>();
    /** The VFIO devices of mapped fds: a mapping holds its file until it is undone. */
    private final Map<Long, String> mappedDevices = new HashMap<>();

    ScriptSyscalls(HostSyscalls host, ScriptFds fds) {
        this.host = host;
        this.fds = fds;
    }

    @Override
    public int open(String path, int flags) throws KernelException {
        return fds.adopt(host.open(path, flags));
    }

    /** The kernel releases the fd even when close fails (EIO), so the script's number goes either way. */
    @Override
    public void close(int fd) throws KernelException {
        int kernelFd = fds.kernelFd(fd);
        fds.release(fd);
        host.close(kernelFd);
    }

    @Override
    public long read(int fd, long buf, long count) throws KernelException {
        return host.read(fds.kernelFd(fd), buf, count);
    }

    @Override
    public long write(int fd, long buf, long count) throws KernelException {
        return host.write(fds.kernelFd(fd), buf, count);
    }

    @Override
    public long pread(int fd, long buf, long count, long offset) throws KernelException {
        return host.pread(fds.kernelFd(fd), buf, count, offset);
    }

    @Override
    public long pwrite(int fd, long buf, long count, long offset) throws KernelException {
        return host.pwrite(fds.kernelFd(fd), buf, count, offset);
    }

    @Override
    public long lseek(int fd, long offset, int whence) throws KernelException {
        return host.lseek(fds.kernelFd(fd), offset, whence);
    }

    /**
     * An ioctl that makes a new fd ({@code VFIO_GROUP_GET_DEVICE_FD}) returns the lowest free one,
     * as every call that installs an fd does: a result that is that number and is now open is taken
     * into the script's fds. (Another thread of the JVM opening a file during the call could fool
     * this; the runner's thread is the only one that makes calls for the script.)
     */
    @Override
    public long ioctl(int fd, int cmd, long arg) throws KernelException {
        int kernelFd = fds.kernelFd(fd);
        int lowestFree = host.dupfd(kernelFd, 0);
        host.close(lowestFree);
        long result = host.ioctl(kernelFd, cmd, arg);
        return result == lowestFree && isOpen(lowestFree) ? fds.adopt(lowestFree) : result;
    }

    private boolean isOpen(int kernelFd) {
        try {
            host.fileStatusFlags(kernelFd);
            return true;
        } catch (KernelException e) {
            return false;
        }
    }

    @Override
    public Stat fstat(int fd) throws KernelException {
        return host.fstat(fds.kernelFd(fd));
    }

    @Override
    public Stat stat(String path) throws KernelException {
        return host.stat(path);
    }

    @Override
    public long mmap(long length, int prot, int flags, int fd, long offset) throws KernelException {
        int kernelFd = fd < 0 ? -1 : fds.kernelFd(fd);
        long address = host.mmap(length, prot, flags, kernelFd, offset);
        mappings.put(address, length);
        VfioDeviceFds.device(kernelFd).ifPresent(device -> mappedDevices.put(address, device));
        return address;
    }

    @Override
    public void munmap(long address, long length) throws KernelException {
        host.munmap(address, length);
        mappings.remove(address);
        mappedDevices.remove(address);
    }

    /**
     * {@return whether a mapping of a file of the VFIO device is still there}
     *
     * @param device the PCI function's address
     */
    boolean mapsDevice(String device) {
        return mappedDevices.containsValue(device);
    }

    @Override
    public int eventfd(long initval, int flags) throws KernelException {
        return fds.adopt(host.eventfd(initval, flags));
    }

    /** Closes every fd the script still holds and undoes its mappings, as the process's exit would. */
    @Override
    public void close() {
        for (int fd : fds.numbers()) {
            try {
                close(fd);
            } catch (KernelException e) {
                // Exit closes regardless: the fd is gone whatever close answered.
            }
        }
        for (Map.Entry<Long, Long> mapping : Map.copyOf(mappings).entrySet()) {
            try {
                munmap(mapping.getKey(), mapping.getValue());
            } catch (KernelException e) {
                // An address mmap returned with the length it was given is always unmappable.
                throw new IllegalStateException("munmap of the script's mapping failed", e);
            }
        }
    }
}
