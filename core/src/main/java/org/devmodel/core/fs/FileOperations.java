package org.devmodel.core.fs;

import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.mem.MmioHandler;
import org.devmodel.core.proc.Task;

/**
 * {@code struct file_operations}: what a driver does when a process uses one of its files.
 *
 * <p>Every method has the default the kernel applies when a driver leaves the operation out:
 * {@code read} and {@code write} fail with EINVAL, {@code ioctl} with ENOTTY, {@code mmap} with
 * ENODEV, {@code llseek} with ESPIPE; {@code open} and {@code release} do nothing.
 *
 * <p>The module that owns an operations object is the kernel module whose JPMS module defines its
 * class ({@code .owner = THIS_MODULE} without having to write it): an open file pins that module
 * for its lifetime. User memory is reached through {@code current}, the process making the call;
 * {@code buf} and {@code arg} are addresses in its address space.
 */
public interface FileOperations {

    /**
     * {@code ->open}: called when a process opens the file, after the file took a reference on
     * this object's module.
     *
     * @param inode the inode opened
     * @param file the new open file; the driver may set its private data
     * @param current the calling process
     * @throws KernelException to refuse the open with an errno
     */
    default void open(Inode inode, OpenFile file, Task current) throws KernelException {
    }

    /**
     * {@code ->release}: called once, when the last reference to the open file goes.
     *
     * @param inode the inode
     * @param file the file being released
     */
    default void release(Inode inode, OpenFile file) {
    }

    /**
     * {@code ->read}.
     *
     * @param file the open file
     * @param current the calling process
     * @param buf the user address to copy to
     * @param count how many bytes at most
     * @param position where to read; advance it for a stream
     * @return the bytes read, 0 at end of file
     * @throws KernelException with the errno of the failure
     */
    default long read(OpenFile file, Task current, long buf, long count, FilePosition position)
            throws KernelException {
        throw new KernelException(Errno.EINVAL);
    }

    /**
     * {@code ->write}.
     *
     * @param file the open file
     * @param current the calling process
     * @param buf the user address to copy from
     * @param count how many bytes
     * @param position where to write; advance it for a stream
     * @return the bytes written
     * @throws KernelException with the errno of the failure
     */
    default long write(OpenFile file, Task current, long buf, long count, FilePosition position)
            throws KernelException {
        throw new KernelException(Errno.EINVAL);
    }

    /**
     * {@code ->unlocked_ioctl}.
     *
     * @param file the open file
     * @param current the calling process
     * @param cmd the ioctl number
     * @param arg the argument: a value or a user address, as the ioctl defines
     * @return the non-negative result
     * @throws KernelException with the errno of the failure
     */
    default long ioctl(OpenFile file, Task current, int cmd, long arg) throws KernelException {
        throw new KernelException(Errno.ENOTTY);
    }

    /**
     * {@code ->mmap}: supplies what backs a shared mapping of the file.
     *
     * @param file the open file
     * @param current the calling process
     * @param request the offset and length asked for
     * @return the device memory that backs the mapping
     * @throws KernelException with the errno of the failure
     */
    default MmioHandler mmap(OpenFile file, Task current, MmapRequest request) throws KernelException {
        throw new KernelException(Errno.ENODEV);
    }

    /**
     * {@code ->llseek}.
     *
     * @param file the open file
     * @param offset the offset
     * @param whence {@code SEEK_SET} (0), {@code SEEK_CUR} (1) or {@code SEEK_END} (2)
     * @return the new position
     * @throws KernelException with the errno of the failure
     */
    default long llseek(OpenFile file, long offset, int whence) throws KernelException {
        throw new KernelException(Errno.ESPIPE);
    }
}
