package org.devmodel.host;

import java.time.Duration;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.Stat;
import org.devmodel.core.proc.Mman;
import org.devmodel.core.proc.Syscalls;
import org.devmodel.host.internal.Libc;
import org.devmodel.host.internal.StatDecoder;

/**
 * The system calls of this JVM's own process, made on the real kernel through glibc: where a call
 * fails, the {@code errno} it set becomes the same {@link KernelException} the model throws.
 * Buffers are addresses in {@link #memory()}.
 *
 * <p>Unlike the model's, these calls block where Linux blocks: use {@code O_NONBLOCK} and
 * {@code EFD_NONBLOCK} where the model's EAGAIN is wanted. Only x86_64 glibc is supported (the
 * layout of {@code struct stat}). Thread-safe, as libc is.
 */
public final class HostSyscalls implements Syscalls {
    /** {@code POLLIN}: there is data to read. */
    public static final int POLLIN = 0x001;
    /** {@code POLLOUT}: writing now will not block. */
    public static final int POLLOUT = 0x004;
    private static final int F_DUPFD = 0;
    private static final int F_GETFL = 3;

    private final Libc libc;
    private final NativeMemory memory;

    private HostSyscalls(Libc libc) {
        this.libc = libc;
        this.memory = new NativeMemory(libc);
    }

    /**
     * Binds libc.
     *
     * @return the host's system calls
     * @throws UnsatisfiedLinkError when libc or jffi's native stub cannot be loaded
     */
    public static HostSyscalls load() {
        return new HostSyscalls(Libc.load());
    }

    /** {@return this process's memory, as far as these calls mapped it} */
    public NativeMemory memory() {
        return memory;
    }

    @Override
    public int open(String path, int flags) throws KernelException {
        return (int) libc.check(libc.functions().open(path, flags), "open " + path);
    }

    @Override
    public void close(int fd) throws KernelException {
        libc.check(libc.functions().close(fd), "close " + fd);
    }

    @Override
    public long read(int fd, long buf, long count) throws KernelException {
        return libc.check(libc.functions().read(fd, buf, count), "read " + fd);
    }

    @Override
    public long write(int fd, long buf, long count) throws KernelException {
        return libc.check(libc.functions().write(fd, buf, count), "write " + fd);
    }

    @Override
    public long pread(int fd, long buf, long count, long offset) throws KernelException {
        return libc.check(libc.functions().pread64(fd, buf, count, offset), "pread64 " + fd);
    }

    @Override
    public long pwrite(int fd, long buf, long count, long offset) throws KernelException {
        return libc.check(libc.functions().pwrite64(fd, buf, count, offset), "pwrite64 " + fd);
    }

    @Override
    public long lseek(int fd, long offset, int whence) throws KernelException {
        return libc.check(libc.functions().lseek(fd, offset, whence), "lseek " + fd);
    }

    @Override
    public long ioctl(int fd, int cmd, long arg) throws KernelException {
        return libc.check(libc.functions().ioctl(fd, Integer.toUnsignedLong(cmd), arg),
                "ioctl " + fd + " 0x" + Integer.toHexString(cmd));
    }

    @Override
    public Stat fstat(int fd) throws KernelException {
        byte[] buf = new byte[StatDecoder.SIZE];
        libc.check(libc.fstat(fd, buf), "fstat " + fd);
        return StatDecoder.decode(buf);
    }

    @Override
    public Stat stat(String path) throws KernelException {
        byte[] buf = new byte[StatDecoder.SIZE];
        libc.check(libc.stat(path, buf), "stat " + path);
        return StatDecoder.decode(buf);
    }

    /** A readable and writable mapping also becomes accessible through {@link #memory()}. */
    @Override
    public long mmap(long length, int prot, int flags, int fd, long offset) throws KernelException {
        long address = libc.check(libc.functions().mmap(0, length, prot, flags, fd, offset), "mmap " + length);
        if (prot == (Mman.PROT_READ | Mman.PROT_WRITE)) {
            memory.mapped(address, length);
        }
        return address;
    }

    @Override
    public void munmap(long address, long length) throws KernelException {
        libc.check(libc.functions().munmap(address, length), "munmap 0x" + Long.toHexString(address));
        memory.unmapped(address, length);
    }

    @Override
    public int eventfd(long initval, int flags) throws KernelException {
        return (int) libc.check(libc.functions().eventfd((int) initval, flags), "eventfd " + initval);
    }

    /**
     * {@code fcntl(fd, F_GETFL)}: the file's status flags.
     *
     * @param fd the fd
     * @return the access mode and flags such as {@code O_NONBLOCK}
     * @throws KernelException EBADF
     */
    public int fileStatusFlags(int fd) throws KernelException {
        return (int) libc.check(libc.functions().fcntl(fd, F_GETFL, 0), "fcntl " + fd + " F_GETFL");
    }

    /**
     * {@code fcntl(fd, F_DUPFD, minimum)}: a new fd for the same open file.
     *
     * @param fd the fd
     * @param minimum the lowest number the new fd may have
     * @return the lowest free fd from {@code minimum}
     * @throws KernelException EBADF, EMFILE
     */
    public int dupfd(int fd, int minimum) throws KernelException {
        return (int) libc.check(libc.functions().fcntl(fd, F_DUPFD, minimum), "fcntl " + fd + " F_DUPFD");
    }

    /**
     * {@code poll(2)} of one fd: waits until it is ready for the events or the timeout passes.
     *
     * @param fd the fd
     * @param events {@link #POLLIN} and/or {@link #POLLOUT}
     * @param timeout how long to wait at most
     * @return the events that happened ({@code revents}, with {@code POLLERR}, {@code POLLHUP} and
     *     {@code POLLNVAL} as the kernel adds them), 0 when the timeout passed first
     * @throws KernelException EINTR, ENOMEM
     */
    public int poll(int fd, int events, Duration timeout) throws KernelException {
        int[] pollfd = {fd, events & 0xffff};
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        long ready = libc.check(libc.functions().poll(pollfd, 1, millis), "poll " + fd);
        return ready == 0 ? 0 : pollfd[1] >>> 16;
    }

    /**
     * {@code mlock(2)}.
     *
     * @param address the start
     * @param length the length
     * @throws KernelException ENOMEM, EPERM, EAGAIN as the kernel answers (RLIMIT_MEMLOCK)
     */
    public void mlock(long address, long length) throws KernelException {
        libc.check(libc.functions().mlock(address, length), "mlock 0x" + Long.toHexString(address));
    }

    /**
     * {@code munlock(2)}.
     *
     * @param address the start
     * @param length the length
     * @throws KernelException ENOMEM for an unmapped range, EINVAL
     */
    public void munlock(long address, long length) throws KernelException {
        libc.check(libc.functions().munlock(address, length), "munlock 0x" + Long.toHexString(address));
    }

    /**
     * {@code getrlimit(2)}.
     *
     * @param resource e.g. {@link Rlimit#RLIMIT_MEMLOCK}
     * @return the limits
     * @throws KernelException EINVAL for an unknown resource
     */
    public Rlimit getrlimit(int resource) throws KernelException {
        long[] rlim = new long[2];
        libc.check(libc.functions().getrlimit(resource, rlim), "getrlimit " + resource);
        return new Rlimit(rlim[0], rlim[1]);
    }

    /**
     * {@code setrlimit(2)}.
     *
     * @param resource e.g. {@link Rlimit#RLIMIT_MEMLOCK}
     * @param limit the new limits
     * @throws KernelException EPERM when raising the hard limit without {@code CAP_SYS_RESOURCE}, EINVAL
     */
    public void setrlimit(int resource, Rlimit limit) throws KernelException {
        libc.check(libc.functions().setrlimit(resource, new long[] {limit.current(), limit.maximum()}),
                "setrlimit " + resource);
    }

    /**
     * {@return glibc's message for an error number, from {@code strerror(3)}}
     *
     * @param errnum the error number
     */
    public String strerror(int errnum) {
        return libc.functions().strerror(errnum);
    }
}
