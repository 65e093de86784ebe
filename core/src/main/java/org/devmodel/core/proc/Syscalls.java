package org.devmodel.core.proc;

import org.devmodel.core.KernelException;
import org.devmodel.core.fs.Stat;

/**
 * The system calls of one process. Each throws {@link KernelException} where Linux returns
 * {@code -1} and sets {@code errno}; buffers and pointer arguments are addresses in the process's
 * address space.
 */
public interface Syscalls {

    /**
     * {@code open(2)}.
     *
     * @param path an absolute path
     * @param flags {@code O_RDWR} and friends ({@link org.devmodel.core.fs.OpenFlags})
     * @return the lowest free fd
     * @throws KernelException ENOENT, EACCES from the node's mode, ENXIO or ENODEV from the driver, ...
     */
    int open(String path, int flags) throws KernelException;

    /**
     * {@code close(2)}.
     *
     * @param fd the fd
     * @throws KernelException EBADF when it is not open
     */
    void close(int fd) throws KernelException;

    /**
     * {@code read(2)} at the file position.
     *
     * @param fd the fd
     * @param buf where to store
     * @param count how many bytes at most
     * @return bytes read
     * @throws KernelException EBADF, EFAULT, or the driver's errno
     */
    long read(int fd, long buf, long count) throws KernelException;

    /**
     * {@code write(2)} at the file position.
     *
     * @param fd the fd
     * @param buf where to load from
     * @param count how many bytes
     * @return bytes written
     * @throws KernelException EBADF, EFAULT, or the driver's errno
     */
    long write(int fd, long buf, long count) throws KernelException;

    /**
     * {@code pread64(2)}: reads at an offset without moving the file position.
     *
     * @param fd the fd
     * @param buf where to store
     * @param count how many bytes at most
     * @param offset the file offset
     * @return bytes read
     * @throws KernelException EBADF, ESPIPE on an unseekable file, EINVAL for a negative offset, ...
     */
    long pread(int fd, long buf, long count, long offset) throws KernelException;

    /**
     * {@code pwrite64(2)}.
     *
     * @param fd the fd
     * @param buf where to load from
     * @param count how many bytes
     * @param offset the file offset
     * @return bytes written
     * @throws KernelException EBADF, ESPIPE, EINVAL, ...
     */
    long pwrite(int fd, long buf, long count, long offset) throws KernelException;

    /**
     * {@code lseek(2)}.
     *
     * @param fd the fd
     * @param offset the offset
     * @param whence {@code SEEK_SET}, {@code SEEK_CUR} or {@code SEEK_END}
     * @return the new position
     * @throws KernelException EBADF, ESPIPE, EINVAL
     */
    long lseek(int fd, long offset, int whence) throws KernelException;

    /**
     * {@code ioctl(2)}.
     *
     * @param fd the fd
     * @param cmd the request number
     * @param arg a value or an address, as the request defines
     * @return the driver's non-negative result
     * @throws KernelException EBADF, ENOTTY, or the driver's errno
     */
    long ioctl(int fd, int cmd, long arg) throws KernelException;

    /**
     * {@code fstat(2)}.
     *
     * @param fd the fd
     * @return the inode's status
     * @throws KernelException EBADF
     */
    Stat fstat(int fd) throws KernelException;

    /**
     * {@code stat(2)}.
     *
     * @param path an absolute path
     * @return the inode's status
     * @throws KernelException ENOENT, ENOTDIR, EACCES
     */
    Stat stat(String path) throws KernelException;

    /**
     * {@code mmap(2)} with a NULL address hint: anonymous memory ({@code MAP_ANONYMOUS}, fd -1) or a
     * shared mapping of a device file, placed by the address space's rule.
     *
     * @param length the length in bytes
     * @param prot {@link Mman#PROT_READ} and/or {@link Mman#PROT_WRITE}
     * @param flags {@link Mman#MAP_SHARED} or {@link Mman#MAP_PRIVATE}, with {@link Mman#MAP_ANONYMOUS}
     * @param fd the file, or -1 for anonymous memory
     * @param offset the file offset, page aligned
     * @return the address of the mapping
     * @throws KernelException EINVAL for a zero length or bad flags, EBADF, ENODEV from the driver, ...
     */
    long mmap(long length, int prot, int flags, int fd, long offset) throws KernelException;

    /**
     * {@code munmap(2)}.
     *
     * @param address the start, page aligned
     * @param length the length
     * @throws KernelException EINVAL for an unaligned address or zero length
     */
    void munmap(long address, long length) throws KernelException;

    /**
     * {@code eventfd2(2)}: a new {@code [eventfd]} file holding an 8-byte counter. A read of at least
     * 8 bytes returns the counter (little-endian) and resets it; a write of at least 8 bytes adds
     * to it. Where Linux would sleep (reading a zero counter, a write that would overflow it), the
     * file answers EAGAIN whether or not {@code EFD_NONBLOCK} was given: devmodel's syscalls never
     * block, and a caller waiting for a device advances the virtual clock and retries.
     *
     * @param initval the initial counter ({@code unsigned int}: only the low 32 bits count)
     * @param flags {@link org.devmodel.core.fs.EventFdFlags}: {@code EFD_NONBLOCK},
     *     {@code EFD_CLOEXEC} (accepted; nothing execs), {@code EFD_SEMAPHORE}
     * @return the lowest free fd
     * @throws KernelException EINVAL for another flag, EMFILE when the fd table is full
     */
    int eventfd(long initval, int flags) throws KernelException;
}
