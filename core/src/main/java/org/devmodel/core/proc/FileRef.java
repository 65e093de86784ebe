package org.devmodel.core.proc;

import org.devmodel.core.fs.OpenFile;

/**
 * A reference to an open file taken by {@code fdget}, dropped by {@link #close()} ({@code fdput}).
 * The file stays valid while the reference is held, even if its fd is closed meanwhile.
 */
public interface FileRef extends AutoCloseable {

    /** {@return the open file} */
    OpenFile file();

    /** Drops the reference; the last one releases the file. */
    @Override
    void close();
}
