package org.devmodel.mem.internal;

import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.FileOperations;
import org.devmodel.core.fs.FilePosition;
import org.devmodel.core.fs.OpenFile;
import org.devmodel.core.mem.AddressSpace;
import org.devmodel.core.proc.Task;

/**
 * {@code urandom_fops}, serving {@code random} too: reads never block and come from the kernel's
 * seeded {@link EntropyPool}, so they repeat from boot to boot (a deliberate deviation).
 */
final class RandomOperations implements FileOperations {
    /** {@code write_pool}'s bounce buffer: 64 bytes copied from the user at a time. */
    private static final int WRITE_CHUNK = 64;

    private final EntropyPool pool;

    RandomOperations(EntropyPool pool) {
        this.pool = pool;
    }

    /** {@code urandom_read}: fills the whole buffer; a fault anywhere is EFAULT. */
    @Override
    public long read(OpenFile file, Task current, long buf, long count, FilePosition position)
            throws KernelException {
        for (long done = 0; done < count; ) {
            byte[] chunk = pool.extract((int) Math.min(count - done, AddressSpace.PAGE_SIZE));
            current.memory().copyToUser(buf + done, chunk);
            done += chunk.length;
        }
        return count;
    }

    /** {@code random_write}: mixes the bytes into the pool; a fault anywhere is EFAULT. */
    @Override
    public long write(OpenFile file, Task current, long buf, long count, FilePosition position)
            throws KernelException {
        for (long done = 0; done < count; ) {
            byte[] chunk = current.memory().copyFromUser(buf + done, (int) Math.min(count - done, WRITE_CHUNK));
            pool.mix(chunk);
            done += chunk.length;
        }
        return count;
    }

    /** {@code random_ioctl}: the entropy-accounting requests are not modelled; its default is EINVAL. */
    @Override
    public long ioctl(OpenFile file, Task current, int cmd, long arg) throws KernelException {
        throw new KernelException(Errno.EINVAL);
    }

    /** {@code noop_llseek}. */
    @Override
    public long llseek(OpenFile file, long offset, int whence) {
        return file.position().get();
    }
}
