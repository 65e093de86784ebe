package org.devmodel.core.internal.fs;

import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.FileOperations;
import org.devmodel.core.fs.FilePosition;
import org.devmodel.core.fs.OpenFile;
import org.devmodel.core.proc.Task;

/** An open directory: listing goes through the VFS, so {@code read} answers EISDIR as Linux does. */
final class DirectoryOperations implements FileOperations {

    @Override
    public long read(OpenFile file, Task current, long buf, long count, FilePosition position)
            throws KernelException {
        throw new KernelException(Errno.EISDIR);
    }
}
