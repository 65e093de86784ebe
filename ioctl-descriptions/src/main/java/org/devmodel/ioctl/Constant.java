package org.devmodel.ioctl;

import java.util.Objects;

/**
 * A named UAPI constant, such as {@code VFIO_TYPE1_IOMMU = 1} or a flag bit.
 *
 * @param name the C name
 * @param value the value
 */
public record Constant(String name, long value) {
    /** Checks the name is present. */
    public Constant {
        Objects.requireNonNull(name, "name");
    }
}
