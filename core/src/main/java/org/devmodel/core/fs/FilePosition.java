package org.devmodel.core.fs;

/**
 * The file position a {@code read} or {@code write} works at: {@code loff_t *ppos}. A driver that
 * serves a stream advances it; {@code pread} and {@code pwrite} hand the driver a position of their
 * own that does not move the file's.
 */
public final class FilePosition {
    private long value;

    /**
     * @param value the starting offset
     */
    public FilePosition(long value) {
        this.value = value;
    }

    /** {@return the offset} */
    public long get() {
        return value;
    }

    /**
     * @param value the new offset
     */
    public void set(long value) {
        this.value = value;
    }

    /**
     * @param delta how far to move the offset
     */
    public void advance(long delta) {
        value += delta;
    }
}
