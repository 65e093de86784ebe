package org.devmodel.core.mem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The C layout of a UAPI struct on x86_64, described once so that no driver hand-writes offsets:
 * each field is aligned to its natural size and {@code sizeof} is padded to the largest alignment.
 * An optional trailing flexible array does not count in {@link #size()}.
 *
 * <pre>{@code
 * StructLayout regionInfo = StructLayout.builder("vfio_region_info")
 *         .u32("argsz").u32("flags").hint(DisplayHint.flags("VFIO_REGION_INFO_FLAGS"))
 *         .u32("index").u32("resv").u64("size").hint(DisplayHint.HEX).u64("offset").hint(DisplayHint.HEX)
 *         .build();                                // 32 bytes, size at 16, offset at 24
 * }</pre>
 *
 * <p>Immutable. Values are read and written through {@link StructValue}.
 */
public final class StructLayout implements ElementType {
    private final String name;
    private final Map<String, StructField> fields;
    private final Optional<FlexibleArray> flexibleArray;
    private final int alignment;
    private final int size;

    private StructLayout(String name, Map<String, StructField> fields, Optional<FlexibleArray> array) {
        this.name = name;
        this.fields = fields;
        this.flexibleArray = array;
        int align = fields.values().stream().mapToInt(field -> field.type().alignment()).max().orElse(1);
        this.alignment = Math.max(align, array.map(a -> a.element().alignment()).orElse(1));
        this.size = alignUp(fieldsEnd(fields), alignment);
    }

    /**
     * {@return a builder for a struct}
     *
     * @param name the C struct name without {@code struct}, e.g. {@code "vfio_region_info"}
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** {@return the C struct name} */
    public String name() {
        return name;
    }

    /** {@return {@code sizeof}: the fixed part, padded, without flexible array elements} */
    @Override
    public int size() {
        return size;
    }

    @Override
    public int alignment() {
        return alignment;
    }

    /** {@return the fields in declaration order, without the flexible array} */
    public List<StructField> fields() {
        return List.copyOf(fields.values());
    }

    /**
     * {@return a field by name}
     *
     * @param fieldName the C field name
     * @throws IllegalArgumentException if the struct has no such field
     */
    public StructField field(String fieldName) {
        StructField field = fields.get(fieldName);
        if (field == null) {
            throw new IllegalArgumentException(name + ": no field " + fieldName);
        }
        return field;
    }

    /**
     * {@return the kernel's {@code offsetofend(struct, field)}, the {@code minsz} a driver copies in}
     *
     * @param fieldName the C field name
     * @throws IllegalArgumentException if the struct has no such field
     */
    public int offsetofend(String fieldName) {
        return field(fieldName).end();
    }

    /** {@return the trailing flexible array, if the struct has one} */
    public Optional<FlexibleArray> flexibleArray() {
        return flexibleArray;
    }

    /**
     * {@return the same struct with another flexible array element type}, for structs whose
     * {@code data[]} is typed by a flag ({@code VFIO_DEVICE_SET_IRQS}: eventfds are {@code s32})
     *
     * @param element the element type
     * @throws IllegalStateException if the struct has no flexible array
     */
    public StructLayout withArrayElement(ElementType element) {
        FlexibleArray array = flexibleArray.orElseThrow(
                () -> new IllegalStateException(name + ": no flexible array"));
        return new StructLayout(name, fields, Optional.of(arrayAfter(fields, array.name(), element)));
    }

    /**
     * {@return the bytes a value with {@code elements} array elements takes: {@code sizeof} plus
     * the elements, as userspace computes {@code argsz}}
     *
     * @param elements how many flexible array elements
     * @throws IllegalArgumentException if {@code elements} is negative, or positive without an array
     */
    public long sizeWith(int elements) {
        if (elements < 0 || (elements > 0 && flexibleArray.isEmpty())) {
            throw new IllegalArgumentException(name + ": cannot hold " + elements + " array elements");
        }
        long arrayEnd = flexibleArray.map(a -> a.offset() + (long) elements * a.element().size()).orElse(0L);
        return Math.max(size, arrayEnd);
    }

    @Override
    public String toString() {
        return "struct " + name + " (" + size + " bytes)";
    }

    private static int fieldsEnd(Map<String, StructField> fields) {
        return fields.values().stream().mapToInt(StructField::end).max().orElse(0);
    }

    private static FlexibleArray arrayAfter(Map<String, StructField> fields, String name, ElementType element) {
        return new FlexibleArray(name, element, alignUp(fieldsEnd(fields), element.alignment()));
    }

    private static int alignUp(int offset, int alignment) {
        return (offset + alignment - 1) / alignment * alignment;
    }

    /** Collects the fields of one struct in C declaration order. Mutable and not thread-safe. */
    public static final class Builder {
        private final String name;
        private final Map<String, StructField> fields = new LinkedHashMap<>();
        private Optional<FlexibleArray> flexibleArray = Optional.empty();
        private Optional<String> lastField = Optional.empty();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /**
         * Adds a field at the next offset aligned to its type, shown in decimal unless
         * {@link #hint} says otherwise.
         *
         * @param fieldName the C field name
         * @param type the scalar type
         * @return this builder
         * @throws IllegalArgumentException if the name is taken or the flexible array was added
         */
        public Builder field(String fieldName, FieldType type) {
            Objects.requireNonNull(type, "type");
            checkNewName(fieldName);
            int offset = alignUp(fieldsEnd(fields), type.alignment());
            fields.put(fieldName, new StructField(fieldName, type, offset, DisplayHint.DECIMAL));
            lastField = Optional.of(fieldName);
            return this;
        }

        /**
         * Adds a {@code __u8} field.
         *
         * @param fieldName the C field name
         * @return this builder
         */
        public Builder u8(String fieldName) {
            return field(fieldName, FieldType.U8);
        }

        /**
         * Adds a {@code __u16} field.
         *
         * @param fieldName the C field name
         * @return this builder
         */
        public Builder u16(String fieldName) {
            return field(fieldName, FieldType.U16);
        }

        /**
         * Adds a {@code __u32} field.
         *
         * @param fieldName the C field name
         * @return this builder
         */
        public Builder u32(String fieldName) {
            return field(fieldName, FieldType.U32);
        }

        /**
         * Adds a {@code __u64} field.
         *
         * @param fieldName the C field name
         * @return this builder
         */
        public Builder u64(String fieldName) {
            return field(fieldName, FieldType.U64);
        }

        /**
         * Adds a {@code __s32} field.
         *
         * @param fieldName the C field name
         * @return this builder
         */
        public Builder s32(String fieldName) {
            return field(fieldName, FieldType.S32);
        }

        /**
         * Adds a {@code __s64} field.
         *
         * @param fieldName the C field name
         * @return this builder
         */
        public Builder s64(String fieldName) {
            return field(fieldName, FieldType.S64);
        }

        /**
         * Sets how tools show the field added last.
         *
         * @param hint the display hint
         * @return this builder
         * @throws IllegalStateException if no field was added yet
         */
        public Builder hint(DisplayHint hint) {
            Objects.requireNonNull(hint, "hint");
            String fieldName = lastField.orElseThrow(
                    () -> new IllegalStateException(name + ": hint before any field"));
            StructField field = fields.get(fieldName);
            fields.put(fieldName, new StructField(fieldName, field.type(), field.offset(), hint));
            return this;
        }

        /**
         * Ends the struct with a flexible array member; no field may follow it.
         *
         * @param arrayName the C name, e.g. {@code "data"}
         * @param element the element type
         * @return this builder
         */
        public Builder flexibleArray(String arrayName, ElementType element) {
            Objects.requireNonNull(element, "element");
            checkNewName(arrayName);
            flexibleArray = Optional.of(arrayAfter(fields, arrayName, element));
            lastField = Optional.empty();
            return this;
        }

        /**
         * {@return the layout}
         *
         * @throws IllegalStateException if the struct has no field
         */
        public StructLayout build() {
            if (fields.isEmpty()) {
                throw new IllegalStateException(name + ": no fields");
            }
            return new StructLayout(name, Collections.unmodifiableMap(new LinkedHashMap<>(fields)), flexibleArray);
        }

        private void checkNewName(String fieldName) {
            Objects.requireNonNull(fieldName, "fieldName");
            if (flexibleArray.isPresent()) {
                throw new IllegalArgumentException(name + ": " + fieldName + " after the flexible array");
            }
            if (fields.containsKey(fieldName)) {
                throw new IllegalArgumentException(name + ": duplicate field " + fieldName);
            }
        }
    }
}
