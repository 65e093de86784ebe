package org.devmodel.core.fs;

import java.util.Arrays;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.proc.Task;

/** {@code simple_read_from_buffer}: the {@code read} of a file whose contents are one kernel buffer. */
public final class SimpleRead {
    private SimpleRead() {
    }

    /**
     * Copies from a buffer at the file position to user memory and advances the position, so a
     * reader that reads until 0 sees the buffer once.
     *
     * @param current the reading process
     * @param buf the user address to copy to
     * @param count how many bytes at most
     * @param position the file position
     * @param data the buffer
     * @return the bytes copied, 0 at or past the end
     * @throws KernelException EINVAL for a negative position, EFAULT for a bad buffer
     */
    public static long fromBuffer(Task current, long buf, long count, FilePosition position, byte[] data)
            throws KernelException {
        long pos = position.get();
        if (pos < 0) {
            throw new KernelException(Errno.EINVAL);
        }
        if (pos >= data.length || count <= 0) {
            return 0;
        }
        int n = (int) Math.min(count, data.length - pos);
        current.memory().copyToUser(buf, Arrays.copyOfRange(data, (int) pos, (int) pos + n));
        position.advance(n);
        return n;
    }
}
