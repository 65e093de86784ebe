package org.devmodel.core.mem;

import java.util.Arrays;
import java.util.Objects;
import java.util.StringJoiner;
import org.devmodel.core.KernelException;

/**
 * The bytes of one struct in kernel memory, read and written by field name through its
 * {@link StructLayout}: what a driver copies in from an ioctl argument, fills in and copies back.
 *
 * <p>Mutable and not thread-safe, like the on-stack struct it stands for.
 */
public final class StructValue {
    private final StructLayout layout;
    private final byte[] bytes;
    private final int elements;

    private StructValue(StructLayout layout, byte[] bytes, int elements) {
        this.layout = layout;
        this.bytes = bytes;
        this.elements = elements;
    }

    /**
     * {@return a zeroed struct without array elements}
     *
     * @param layout the layout
     */
    public static StructValue of(StructLayout layout) {
        return of(layout, 0);
    }

    /**
     * {@return a zeroed struct with {@code elements} flexible array elements}
     *
     * @param layout the layout
     * @param elements how many array elements
     * @throws IllegalArgumentException if the layout cannot hold them
     */
    public static StructValue of(StructLayout layout, int elements) {
        return new StructValue(layout, new byte[Math.toIntExact(layout.sizeWith(elements))], elements);
    }

    /**
     * Copies a struct and its first {@code elements} array elements in from user memory.
     *
     * @param space the user memory (a model address space or real memory)
     * @param address the user address of the struct
     * @param layout the layout
     * @param elements how many array elements to copy
     * @return the struct
     * @throws KernelException EFAULT if any byte is unmapped
     */
    public static StructValue copyFromUser(UserMemory space, long address, StructLayout layout, int elements)
            throws KernelException {
        int length = Math.toIntExact(layout.sizeWith(elements));
        return new StructValue(layout, space.copyFromUser(address, length), elements);
    }

    /**
     * Copies the fixed part of a struct in from user memory.
     *
     * @param space the user memory (a model address space or real memory)
     * @param address the user address of the struct
     * @param layout the layout
     * @return the struct
     * @throws KernelException EFAULT if any byte is unmapped
     */
    public static StructValue copyFromUser(UserMemory space, long address, StructLayout layout)
            throws KernelException {
        return copyFromUser(space, address, layout, 0);
    }

    /**
     * Copies only the first {@code minsz} bytes in, as drivers do with
     * {@code minsz = offsetofend(struct, field)}; the rest reads as zero.
     *
     * @param space the user memory (a model address space or real memory)
     * @param address the user address of the struct
     * @param layout the layout
     * @param minsz how many bytes to copy, at most {@link StructLayout#size()}
     * @return the struct
     * @throws KernelException EFAULT if any of those bytes is unmapped
     */
    public static StructValue copyPrefixFromUser(UserMemory space, long address, StructLayout layout, int minsz)
            throws KernelException {
        if (minsz < 0 || minsz > layout.size()) {
            throw new IllegalArgumentException(layout.name() + ": prefix of " + minsz + " bytes");
        }
        byte[] bytes = Arrays.copyOf(space.copyFromUser(address, minsz), layout.size());
        return new StructValue(layout, bytes, 0);
    }

    /**
     * Copies the whole struct, array elements included, out to user memory.
     *
     * @param space the user memory (a model address space or real memory)
     * @param address the user address
     * @throws KernelException EFAULT if any byte is unmapped; nothing is written then
     */
    public void copyToUser(UserMemory space, long address) throws KernelException {
        space.copyToUser(address, bytes);
    }

    /**
     * Copies the first {@code n} bytes out to user memory, as drivers copy back {@code minsz}.
     *
     * @param space the user memory (a model address space or real memory)
     * @param address the user address
     * @param n how many bytes, at most {@link #toBytes()}{@code .length}
     * @throws KernelException EFAULT if any byte is unmapped; nothing is written then
     * @throws IllegalArgumentException if {@code n} is negative or larger than the value
     */
    public void copyToUser(UserMemory space, long address, int n) throws KernelException {
        if (n < 0 || n > bytes.length) {
            throw new IllegalArgumentException(layout.name() + ": cannot copy out " + n + " bytes");
        }
        space.copyToUser(address, Arrays.copyOf(bytes, n));
    }

    /** {@return the layout} */
    public StructLayout layout() {
        return layout;
    }

    /** {@return how many flexible array elements this value holds} */
    public int elementCount() {
        return elements;
    }

    /** {@return a copy of the bytes, C layout, little-endian} */
    public byte[] toBytes() {
        return bytes.clone();
    }

    /**
     * {@return a field's value, sign-extended for signed types and zero-extended otherwise}
     *
     * @param field the C field name
     * @throws IllegalArgumentException if there is no such field
     */
    public long get(String field) {
        StructField f = layout.field(field);
        return f.type().read(bytes, f.offset());
    }

    /**
     * Sets a field.
     *
     * @param field the C field name
     * @param value the value; it must fit the field's type
     * @return this value, for chaining
     * @throws IllegalArgumentException if there is no such field or the value does not fit
     */
    public StructValue set(String field, long value) {
        StructField f = layout.field(field);
        checkFits(f.type(), value, field);
        f.type().write(bytes, f.offset(), value);
        return this;
    }

    /**
     * {@return a scalar array element}
     *
     * @param index the element index
     * @throws IllegalArgumentException if the elements are structs
     * @throws IndexOutOfBoundsException if there is no such element
     */
    public long getElement(int index) {
        return scalarElementType().read(bytes, elementOffset(index));
    }

    /**
     * Sets a scalar array element.
     *
     * @param index the element index
     * @param value the value; it must fit the element type
     * @return this value, for chaining
     * @throws IllegalArgumentException if the value does not fit or the elements are structs
     * @throws IndexOutOfBoundsException if there is no such element
     */
    public StructValue setElement(int index, long value) {
        FieldType type = scalarElementType();
        checkFits(type, value, "element " + index);
        type.write(bytes, elementOffset(index), value);
        return this;
    }

    /**
     * {@return a copy of a struct array element}
     *
     * @param index the element index
     * @throws IllegalArgumentException if the elements are scalars
     * @throws IndexOutOfBoundsException if there is no such element
     */
    public StructValue getElementStruct(int index) {
        StructLayout element = structElementType();
        int offset = elementOffset(index);
        return new StructValue(element, Arrays.copyOfRange(bytes, offset, offset + element.size()), 0);
    }

    /**
     * Sets a struct array element.
     *
     * @param index the element index
     * @param value the element, of the array's element layout
     * @return this value, for chaining
     * @throws IllegalArgumentException if {@code value} has another layout
     * @throws IndexOutOfBoundsException if there is no such element
     */
    public StructValue setElementStruct(int index, StructValue value) {
        if (!structElementType().equals(value.layout)) {
            throw new IllegalArgumentException(layout.name() + ": element is not a " + value.layout.name());
        }
        System.arraycopy(value.bytes, 0, bytes, elementOffset(index), value.layout.size());
        return this;
    }

    /** {@return the fields as {@code name{field=value, ...}}, in decimal or hex as hinted} */
    @Override
    public String toString() {
        StringJoiner joiner = new StringJoiner(", ", layout.name() + "{", "}");
        for (StructField field : layout.fields()) {
            long value = get(field.name());
            boolean hex = !(field.hint() instanceof DisplayHint.Decimal);
            joiner.add(field.name() + "=" + (hex ? "0x" + Long.toHexString(value) : Long.toString(value)));
        }
        return joiner.toString();
    }

    private int elementOffset(int index) {
        Objects.checkIndex(index, elements);
        FlexibleArray array = layout.flexibleArray().orElseThrow();
        return array.offset() + index * array.element().size();
    }

    private FieldType scalarElementType() {
        return elementType(FieldType.class);
    }

    private StructLayout structElementType() {
        return elementType(StructLayout.class);
    }

    private <T extends ElementType> T elementType(Class<T> kind) {
        ElementType element = layout.flexibleArray()
                .orElseThrow(() -> new IllegalArgumentException(layout.name() + ": no flexible array"))
                .element();
        if (!kind.isInstance(element)) {
            throw new IllegalArgumentException(layout.name() + ": array elements are " + element);
        }
        return kind.cast(element);
    }

    private void checkFits(FieldType type, long value, String what) {
        if (!type.fits(value)) {
            throw new IllegalArgumentException(layout.name() + "." + what + ": " + value
                    + " does not fit " + type.cName());
        }
    }
}
