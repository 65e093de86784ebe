package org.devmodel.core.internal.mem;

/**
 * The part of a user access that falls in one area.
 *
 * @param vma the area
 * @param start the first user address of the part
 * @param bufferOffset where the part starts in the caller's buffer
 * @param length the length of the part in bytes
 */
public record Span(Vma vma, long start, int bufferOffset, int length) {

    /** {@return the first user address after the part} */
    public long end() {
        return start + length;
    }
}
