package org.devmodel.core.mem;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The UAPI scalar types ({@code __u8} to {@code __s64}), little-endian and naturally aligned as
 * on x86_64.
 */
public enum FieldType implements ElementType {
    /** {@code __u8}. */
    U8(1, false),
    /** {@code __u16}. */
    U16(2, false),
    /** {@code __u32}. */
    U32(4, false),
    /** {@code __u64}; values above {@link Long#MAX_VALUE} are held as negative longs. */
    U64(8, false),
    /** {@code __s32}. */
    S32(4, true),
    /** {@code __s64}. */
    S64(8, true);

    private final int size;
    private final boolean signed;

    FieldType(int size, boolean signed) {
        this.size = size;
        this.signed = signed;
    }

    /**
     * {@return the type with a given UAPI name without underscores ({@code "u32"}), if any}
     *
     * @param name the name, e.g. {@code "u32"} or {@code "s32"}
     */
    public static Optional<FieldType> byName(String name) {
        return Arrays.stream(values()).filter(type -> type.cName().equals(name)).findFirst();
    }

    /** {@return the UAPI name without underscores, e.g. {@code "u32"}} */
    public String cName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public int size() {
        return size;
    }

    /** Every scalar is aligned to its own size on x86_64. */
    @Override
    public int alignment() {
        return size;
    }

    /** {@return whether values are sign-extended when read} */
    public boolean signed() {
        return signed;
    }

    /**
     * {@return whether a value can be stored without losing bits}; unsigned types take values from
     * 0, except {@link #U64}, which takes any long (its upper half is held as negative longs)
     *
     * @param value the value
     */
    public boolean fits(long value) {
        if (size == 8) {
            return true;
        }
        long bits = 8L * size;
        return signed ? value >= -(1L << (bits - 1)) && value < (1L << (bits - 1))
                : value >= 0 && value < (1L << bits);
    }

    /**
     * Reads a value, sign-extending signed types and zero-extending unsigned ones.
     *
     * @param bytes the buffer
     * @param offset where the value starts
     * @return the value
     */
    public long read(byte[] bytes, int offset) {
        long value = 0;
        for (int i = size - 1; i >= 0; i--) {
            value = (value << 8) | (bytes[offset + i] & 0xffL);
        }
        int unused = 64 - 8 * size;
        return signed ? (value << unused) >> unused : value;
    }

    /**
     * Writes the low {@link #size()} bytes of a value.
     *
     * @param bytes the buffer
     * @param offset where the value starts
     * @param value the value
     */
    public void write(byte[] bytes, int offset, long value) {
        for (int i = 0; i < size; i++) {
            bytes[offset + i] = (byte) (value >>> (8 * i));
        }
    }
}
