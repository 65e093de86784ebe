package org.devmodel.mem.internal;

import org.devmodel.core.fs.FileOperations;
import org.devmodel.core.fs.FilePosition;
import org.devmodel.core.fs.OpenFile;
import org.devmodel.core.proc.Task;

/** {@code null_fops}: reads see end of file, writes swallow everything without touching the buffer. */
final class NullOperations implements FileOperations {

    /** {@code read_null}. */
    @Override
    public long read(OpenFile file, Task current, long buf, long count, FilePosition position) {
        return 0;
    }

    /** {@code write_null}: the buffer is never read, so even a bad pointer "succeeds". */
    @Override
    public long write(OpenFile file, Task current, long buf, long count, FilePosition position) {
        return count;
    }

    @Override
    public long llseek(OpenFile file, long offset, int whence) {
        return nullLseek(file);
    }

    /**
     * {@code null_lseek}, also {@code zero_lseek} and {@code full_lseek}: whatever is asked, the
     * position goes back to 0, so these devices can be opened for append.
     *
     * @param file the file
     * @return 0
     */
    static long nullLseek(OpenFile file) {
        file.position().set(0);
        return 0;
    }
}
