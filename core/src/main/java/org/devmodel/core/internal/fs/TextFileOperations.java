package org.devmodel.core.internal.fs;

import java.nio.charset.StandardCharsets;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.FileOperations;
import org.devmodel.core.fs.FilePosition;
import org.devmodel.core.fs.Inode;
import org.devmodel.core.fs.OpenFile;
import org.devmodel.core.fs.SimpleRead;
import org.devmodel.core.proc.Task;

/**
 * The operations of a published text file: the text is produced once at open, as {@code seq_file}
 * does for a reader that reads it through, and served from the file position.
 */
final class TextFileOperations implements FileOperations {
    private final byte[] text;

    TextFileOperations(String text) {
        this.text = text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public long read(OpenFile file, Task current, long buf, long count, FilePosition position)
            throws KernelException {
        return SimpleRead.fromBuffer(current, buf, count, position, text);
    }

    @Override
    public long llseek(OpenFile file, long offset, int whence) throws KernelException {
        long base = switch (whence) {
            case 0 -> 0;
            case 1 -> file.position().get();
            case 2 -> text.length;
            default -> throw new KernelException(Errno.EINVAL);
        };
        long target = base + offset;
        if (target < 0) {
            throw new KernelException(Errno.EINVAL);
        }
        file.position().set(target);
        return target;
    }

    @Override
    public void open(Inode inode, OpenFile file, Task current) {
        // the text was produced when this object was made, at open
    }
}
