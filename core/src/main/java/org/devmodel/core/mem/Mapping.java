package org.devmodel.core.mem;

/**
 * One mapping of an address space, as listed for tests and the CLI (a line of
 * {@code /proc/PID/maps}, reduced to what devmodel models).
 *
 * @param start the first address, page-aligned
 * @param length the length in bytes, a whole number of pages
 * @param kind what backs the mapping
 */
public record Mapping(long start, long length, Kind kind) {

    /** What backs a mapping. */
    public enum Kind {
        /** Anonymous memory: zero-filled pages allocated when first written. */
        ANONYMOUS,
        /** A device region (a BAR mmap'd from a device file) served by an {@link MmioHandler}. */
        DEVICE
    }

    /** {@return the first address after the mapping} */
    public long end() {
        return start + length;
    }
}
