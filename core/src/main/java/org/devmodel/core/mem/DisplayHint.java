package org.devmodel.core.mem;

import java.util.Objects;

/**
 * How a tool such as the CLI shows a field's value: in decimal, in hex, or as the names of the bits
 * of a flag set joined by {@code |} ({@code VIABLE|CONTAINER_SET}).
 */
public sealed interface DisplayHint permits DisplayHint.Decimal, DisplayHint.Hex, DisplayHint.Flags {
    /** Decimal, the default. */
    DisplayHint DECIMAL = new Decimal();
    /** Hex with a {@code 0x} prefix, for addresses and sizes. */
    DisplayHint HEX = new Hex();

    /**
     * {@return a hint that shows a value as the bits of a flag set}
     *
     * @param flagSet the name of a constant set of the ioctl descriptions
     */
    static DisplayHint flags(String flagSet) {
        return new Flags(flagSet);
    }

    /** Shows a value in decimal. */
    record Decimal() implements DisplayHint {
    }

    /** Shows a value in hex. */
    record Hex() implements DisplayHint {
    }

    /**
     * Shows a value as the names of its bits.
     *
     * @param flagSet the name of the constant set of the ioctl descriptions naming the bits
     */
    record Flags(String flagSet) implements DisplayHint {
        /** Checks the name is present. */
        public Flags {
            Objects.requireNonNull(flagSet, "flagSet");
        }
    }
}
