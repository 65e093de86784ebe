package org.devmodel.vfio.client.internal;

import java.nio.charset.StandardCharsets;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.mem.StructLayout;
import org.devmodel.core.mem.StructValue;
import org.devmodel.core.mem.UserMemory;
import org.devmodel.core.proc.Mman;
import org.devmodel.core.proc.Syscalls;

/**
 * One fd of a client resource and the calls made on it, with a page of user memory of its own for
 * the arguments a C program would keep on its stack: structs, an {@code int}, a device name, a
 * value to {@code pwrite}. The methods are synchronized because they share that page.
 */
public final class FdCalls implements AutoCloseable {
    private final Syscalls syscalls;
    private final UserMemory memory;
    private final long page;
    private final int fd;
    private boolean closed;

    private FdCalls(Syscalls syscalls, UserMemory memory, long page, int fd) {
        this.syscalls = syscalls;
        this.memory = memory;
        this.page = page;
        this.fd = fd;
    }

    /** The call that yields the fd: {@code open}, {@code eventfd}, an ioctl answering a new fd. */
    @FunctionalInterface
    public interface FdSource {
        /**
         * {@return the new fd}
         *
         * @throws KernelException the kernel's errno
         */
        int open() throws KernelException;
    }

    /**
     * Maps the argument page, then gets the fd; if that fails the page is unmapped again.
     *
     * @param syscalls the process's calls
     * @param memory the process's memory
     * @param source the call that yields the fd
     * @return the calls
     * @throws KernelException ENOMEM from the mapping, or the source's errno
     */
    public static FdCalls open(Syscalls syscalls, UserMemory memory, FdSource source) throws KernelException {
        long page = memory.mmap(Mman.PAGE_SIZE);
        try {
            return new FdCalls(syscalls, memory, page, source.open());
        } catch (KernelException | RuntimeException e) {
            memory.munmap(page, Mman.PAGE_SIZE);
            throw e;
        }
    }

    /**
     * {@return a zeroed argument of the layout with {@code argsz} set, as {@code { .argsz = sizeof(s) }} in C}
     *
     * @param layout the struct
     */
    public static StructValue argument(StructLayout layout) {
        return StructValue.of(layout).set("argsz", layout.size());
    }

    /** {@return the fd} */
    public int fd() {
        return fd;
    }

    /**
     * {@code ioctl(fd, cmd, arg)} with a value, or no argument.
     *
     * @param cmd the request
     * @param arg the value
     * @return the kernel's answer
     * @throws KernelException the kernel's errno
     */
    public synchronized long ioctl(int cmd, long arg) throws KernelException {
        ensureOpen();
        return syscalls.ioctl(fd, cmd, arg);
    }

    /**
     * {@code ioctl(fd, cmd, &value)}: a pointer to an {@code int}.
     *
     * @param cmd the request
     * @param value the int
     * @return the kernel's answer
     * @throws KernelException the kernel's errno
     */
    public synchronized long ioctlInt(int cmd, int value) throws KernelException {
        ensureOpen();
        memory.store(page, 4, value);
        return syscalls.ioctl(fd, cmd, page);
    }

    /**
     * {@code ioctl(fd, cmd, "text")}: a pointer to a NUL-terminated string.
     *
     * @param cmd the request
     * @param text the string, ASCII and shorter than a page
     * @return the kernel's answer
     * @throws KernelException the kernel's errno
     */
    public synchronized long ioctlString(int cmd, String text) throws KernelException {
        ensureOpen();
        byte[] bytes = (text + "\0").getBytes(StandardCharsets.US_ASCII);
        if (bytes.length > Mman.PAGE_SIZE) {
            throw new IllegalArgumentException("string longer than a page: " + text.length() + " characters");
        }
        memory.copyToUser(page, bytes);
        return syscalls.ioctl(fd, cmd, page);
    }

    /**
     * {@code ioctl(fd, cmd, &s)}: copies the struct in, calls, and returns what the kernel left
     * there. A struct larger than the page gets a mapping of its own for the call.
     *
     * @param cmd the request
     * @param in the struct, with {@code argsz} set
     * @return the struct after the call
     * @throws KernelException the kernel's errno
     */
    public synchronized StructValue ioctl(int cmd, StructValue in) throws KernelException {
        ensureOpen();
        int size = in.toBytes().length;
        boolean own = size > Mman.PAGE_SIZE;
        long at = own ? memory.mmap(size) : page;
        try {
            in.copyToUser(memory, at);
            syscalls.ioctl(fd, cmd, at);
            return StructValue.copyFromUser(memory, at, in.layout(), in.elementCount());
        } finally {
            if (own) {
                memory.munmap(at, size);
            }
        }
    }

    /**
     * {@code pread(fd, &value, width, offset)} of one little-endian value.
     *
     * @param width 1, 2, 4 or 8 bytes
     * @param offset the file offset
     * @return the value, zero-extended
     * @throws KernelException the kernel's errno; EIO when it transferred fewer bytes
     */
    public synchronized long pread(int width, long offset) throws KernelException {
        ensureOpen();
        checkWidth(width);
        transferred(syscalls.pread(fd, page, width, offset), width, "pread", offset);
        return memory.load(page, width);
    }

    /**
     * {@code pwrite(fd, &value, width, offset)} of one little-endian value.
     *
     * @param width 1, 2, 4 or 8 bytes
     * @param offset the file offset
     * @param value the value; its low {@code width} bytes are written
     * @throws KernelException the kernel's errno; EIO when it transferred fewer bytes
     */
    public synchronized void pwrite(int width, long offset, long value) throws KernelException {
        ensureOpen();
        checkWidth(width);
        memory.store(page, width, value);
        transferred(syscalls.pwrite(fd, page, width, offset), width, "pwrite", offset);
    }

    /**
     * {@code mmap(NULL, length, prot, MAP_SHARED, fd, offset)}: a mapping of the file.
     *
     * @param length the length
     * @param prot {@code PROT_READ} and/or {@code PROT_WRITE}
     * @param offset the file offset
     * @return the address
     * @throws KernelException the kernel's errno
     */
    public synchronized long mmap(long length, int prot, long offset) throws KernelException {
        ensureOpen();
        return syscalls.mmap(length, prot, Mman.MAP_SHARED, fd, offset);
    }

    /**
     * Reads the counter of the fd, an eventfd opened non-blocking, which resets it.
     *
     * @return the counter, or 0 when nothing was signalled (the read answered EAGAIN)
     * @throws KernelException any other errno
     */
    public synchronized long readCounter() throws KernelException {
        ensureOpen();
        try {
            syscalls.read(fd, page, 8);
        } catch (KernelException e) {
            if (e.errno() == Errno.EAGAIN) {
                return 0;
            }
            throw e;
        }
        return memory.load(page, 8);
    }

    /**
     * Closes the fd, then unmaps the argument page; closing again does nothing.
     *
     * @throws KernelException the errno of {@code close} or {@code munmap}
     */
    @Override
    public synchronized void close() throws KernelException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            syscalls.close(fd);
        } finally {
            memory.munmap(page, Mman.PAGE_SIZE);
        }
    }

    /** A closed fd's number may already belong to another file: using it is a caller's bug. */
    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("fd " + fd + " is closed");
        }
    }

    private static void checkWidth(int width) {
        if (width != 1 && width != 2 && width != 4 && width != 8) {
            throw new IllegalArgumentException("access width not 1, 2, 4 or 8: " + width);
        }
    }

    /** A short transfer of one register is an I/O error to the caller: half a value is no value. */
    private void transferred(long n, int width, String call, long offset) throws KernelException {
        if (n != width) {
            throw new KernelException(Errno.EIO,
                    call + " " + fd + " at 0x" + Long.toHexString(offset) + ": " + n + " of " + width + " bytes");
        }
    }
}
