package org.devmodel.core.mem;

/**
 * A field of a {@link StructLayout}, at the offset C gives it.
 *
 * @param name the C name
 * @param type the scalar type
 * @param offset the byte offset, {@code offsetof} in C
 * @param hint how tools show the value
 */
public record StructField(String name, FieldType type, int offset, DisplayHint hint) {

    /** {@return the offset of the first byte after the field, the kernel's {@code offsetofend}} */
    public int end() {
        return offset + type.size();
    }
}
