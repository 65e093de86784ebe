package org.devmodel.misc.internal;

import java.util.OptionalInt;

/**
 * {@code misc_minors}: v3.14's bitmap of {@value #DYNAMIC_MINORS} dynamic minors, where bit
 * {@code i} stands for minor {@code 63 - i}, so the first zero bit gives the highest free minor.
 * It knows nothing of static minors below 64: a collision with one surfaces later as
 * {@code device_create}'s EEXIST, as in the kernel. Not thread-safe: used under the misc lock.
 */
final class DynamicMinors {
    /** {@code DYNAMIC_MINORS}. */
    static final int DYNAMIC_MINORS = 64;

    private long bits;

    /**
     * {@code find_first_zero_bit} and {@code set_bit}: takes the highest free dynamic minor.
     *
     * @return the minor, or empty when all 64 are taken
     */
    OptionalInt allocate() {
        int i = Long.numberOfTrailingZeros(~bits);
        if (i >= DYNAMIC_MINORS) {
            return OptionalInt.empty();
        }
        bits |= 1L << i;
        return OptionalInt.of(DYNAMIC_MINORS - i - 1);
    }

    /**
     * {@code clear_bit(63 - minor)} for a minor below 64, whether or not it was dynamic (v3.14 does
     * the same for static minors below 64); nothing for higher minors.
     *
     * @param minor a misc minor
     */
    void free(int minor) {
        int i = DYNAMIC_MINORS - minor - 1;
        if (i >= 0 && i < DYNAMIC_MINORS) {
            bits &= ~(1L << i);
        }
    }
}
