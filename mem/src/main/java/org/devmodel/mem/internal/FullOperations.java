package org.devmodel.mem.internal;

import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.FileOperations;
import org.devmodel.core.fs.FilePosition;
import org.devmodel.core.fs.OpenFile;
import org.devmodel.core.proc.Task;

/** {@code full_fops}: reads give zeros, every write fails with ENOSPC, a full disk's answer. */
final class FullOperations implements FileOperations {

    /** {@code read_full}, which is {@code read_zero}. */
    @Override
    public long read(OpenFile file, Task current, long buf, long count, FilePosition position)
            throws KernelException {
        return ZeroOperations.readZero(current, buf, count);
    }

    /** {@code write_full}: ENOSPC whatever the count, zero included. */
    @Override
    public long write(OpenFile file, Task current, long buf, long count, FilePosition position)
            throws KernelException {
        throw new KernelException(Errno.ENOSPC);
    }

    @Override
    public long llseek(OpenFile file, long offset, int whence) {
        return NullOperations.nullLseek(file);
    }
}
