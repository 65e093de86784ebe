package org.devmodel.mem.internal;

import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.FileOperations;
import org.devmodel.core.fs.FilePosition;
import org.devmodel.core.fs.MmapRequest;
import org.devmodel.core.fs.OpenFile;
import org.devmodel.core.mem.AddressSpace;
import org.devmodel.core.mem.MmioHandler;
import org.devmodel.core.proc.Task;

/** {@code zero_fops}: reads give zeros, writes are {@code write_null}'s, a mapping is fresh zeroed memory. */
final class ZeroOperations implements FileOperations {

    @Override
    public long read(OpenFile file, Task current, long buf, long count, FilePosition position)
            throws KernelException {
        return readZero(current, buf, count);
    }

    /** {@code write_zero}, which is {@code write_null}. */
    @Override
    public long write(OpenFile file, Task current, long buf, long count, FilePosition position) {
        return count;
    }

    /** {@code mmap_zero}: private or shared, each mapping is memory of its own, zero-filled. */
    @Override
    public MmioHandler mmap(OpenFile file, Task current, MmapRequest request) {
        return new ZeroMapping();
    }

    @Override
    public long llseek(OpenFile file, long offset, int whence) {
        return NullOperations.nullLseek(file);
    }

    /**
     * {@code read_zero}, also {@code read_full}: clears the buffer a page at a time and stops at the
     * first fault, returning what was cleared before it.
     *
     * @param current the reader
     * @param buf the user buffer
     * @param count its length
     * @return {@code count}, or the bytes cleared before a fault
     * @throws KernelException EFAULT when the range is not a user range ({@code access_ok}) or its
     *     first page faults
     */
    static long readZero(Task current, long buf, long count) throws KernelException {
        if (count == 0) {
            return 0;
        }
        if (buf < 0 || count > AddressSpace.TASK_SIZE - buf) {
            throw new KernelException(Errno.EFAULT);
        }
        long written = 0;
        while (written < count) {
            int chunk = (int) Math.min(count - written, AddressSpace.PAGE_SIZE);
            try {
                current.memory().copyToUser(buf + written, new byte[chunk]);
            } catch (KernelException e) {
                break;
            }
            written += chunk;
        }
        if (written == 0) {
            throw new KernelException(Errno.EFAULT);
        }
        return written;
    }
}
