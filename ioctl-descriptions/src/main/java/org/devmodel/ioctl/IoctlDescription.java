package org.devmodel.ioctl;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.devmodel.core.mem.StructLayout;

/**
 * What one ioctl is: its name and number, the kind of file it applies to and how its argument
 * looks. The file kind is needed because numbers are reused across kinds: 0x3B70 is
 * {@code VFIO_DEVICE_GET_PCI_HOT_RESET_INFO} on a device fd and {@code VFIO_IOMMU_GET_INFO} on a
 * container fd.
 *
 * @param name the C name, e.g. {@code VFIO_DEVICE_SET_IRQS}
 * @param number the ioctl number ({@code unsigned int cmd})
 * @param fileKind the kind of file it applies to, a free string such as {@code "container"}
 * @param argKind how the argument is passed
 * @param valueSet for {@link ArgKind#INT}, the constant set naming the argument's values, if any
 * @param layout for {@link ArgKind#STRUCT}, the struct pointed to; empty otherwise
 * @param arrayVariants for a struct whose flexible array is typed by its flags, the element type
 *     per flag; empty otherwise
 */
public record IoctlDescription(String name, int number, String fileKind, ArgKind argKind,
        Optional<String> valueSet, Optional<StructLayout> layout, List<ArrayVariant> arrayVariants) {

    /**
     * Checks that the optional parts match the argument kind.
     *
     * @throws IllegalArgumentException if a layout is missing for a struct, given for another
     *     kind, or variants are given without a flexible array, or a value set for a non-INT
     */
    public IoctlDescription {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(fileKind, "fileKind");
        Objects.requireNonNull(argKind, "argKind");
        arrayVariants = List.copyOf(arrayVariants);
        if (layout.isPresent() != (argKind == ArgKind.STRUCT)) {
            throw new IllegalArgumentException(name + ": a struct layout goes with a STRUCT argument only");
        }
        if (valueSet.isPresent() && argKind != ArgKind.INT) {
            throw new IllegalArgumentException(name + ": a value set goes with an INT argument only");
        }
        if (!arrayVariants.isEmpty() && layout.flatMap(StructLayout::flexibleArray).isEmpty()) {
            throw new IllegalArgumentException(name + ": array variants need a struct with a flexible array");
        }
    }

    /**
     * {@return a description of an ioctl with a plain argument kind}
     *
     * @param name the C name
     * @param number the ioctl number
     * @param fileKind the kind of file
     * @param argKind {@link ArgKind#NONE}, {@link ArgKind#INT}, {@link ArgKind#INT_POINTER} or
     *     {@link ArgKind#STRING}
     */
    public static IoctlDescription of(String name, int number, String fileKind, ArgKind argKind) {
        return new IoctlDescription(name, number, fileKind, argKind, Optional.empty(), Optional.empty(), List.of());
    }

    /**
     * {@return a description of an ioctl whose argument points to a struct}
     *
     * @param name the C name
     * @param number the ioctl number
     * @param fileKind the kind of file
     * @param layout the struct
     */
    public static IoctlDescription ofStruct(String name, int number, String fileKind, StructLayout layout) {
        return new IoctlDescription(name, number, fileKind, ArgKind.STRUCT, Optional.empty(),
                Optional.of(layout), List.of());
    }

    /**
     * Picks the flexible array's element type from the flags, as {@code VFIO_DEVICE_SET_IRQS}
     * does with {@code VFIO_IRQ_SET_DATA_TYPE_MASK}: the first variant whose flag is set.
     *
     * @param flags the value of the struct's flags field
     * @return the variant, or empty if no variant's flag is set
     */
    public Optional<ArrayVariant> arrayVariant(long flags) {
        return arrayVariants.stream().filter(v -> (flags & v.flagValue()) == v.flagValue()).findFirst();
    }
}
