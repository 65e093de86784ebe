package org.devmodel.core.mem;

/**
 * What a flexible array holds: a scalar {@link FieldType} or a struct {@link StructLayout}
 * (as {@code vfio_pci_hot_reset_info.devices[]} holds {@code vfio_pci_dependent_device}).
 */
public sealed interface ElementType permits FieldType, StructLayout {

    /** {@return the size in bytes, {@code sizeof} in C} */
    int size();

    /** {@return the alignment in bytes on x86_64} */
    int alignment();
}
