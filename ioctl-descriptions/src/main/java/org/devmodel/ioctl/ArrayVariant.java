package org.devmodel.ioctl;

import java.util.Objects;
import java.util.Optional;
import org.devmodel.core.mem.ElementType;

/**
 * What a struct's flexible array holds when a flag is set, for ioctls whose {@code data[]} is typed
 * by the flags ({@code VFIO_IRQ_SET_DATA_EVENTFD}: {@code s32} fds; {@code DATA_NONE}: no data).
 *
 * @param flag the flag's constant name
 * @param flagValue the flag's value
 * @param element the element type, or empty when the flag means "no data"
 */
public record ArrayVariant(String flag, long flagValue, Optional<ElementType> element) {
    /** Checks the parts are present. */
    public ArrayVariant {
        Objects.requireNonNull(flag, "flag");
        Objects.requireNonNull(element, "element");
    }
}
