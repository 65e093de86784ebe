package org.devmodel.pci.emul;

import java.util.Objects;
import org.devmodel.core.mem.MmioHandler;

/**
 * A 32-bit, non-prefetchable memory BAR of an emulated function.
 *
 * @param index the BAR number, 0 to 5
 * @param size the size in bytes, a power of two of at least 16
 * @param registers what accesses do; the PCI core calls it only for accesses of 1, 2, 4 or 8
 *     bytes inside the BAR while memory decoding is on
 */
public record EmulatedBar(int index, long size, MmioHandler registers) {

    /** Checks the arguments. */
    public EmulatedBar {
        Objects.requireNonNull(registers, "registers");
        if (index < 0 || index > 5) {
            throw new IllegalArgumentException("bad BAR index " + index);
        }
        if (size < 16 || size > 1L << 31 || Long.bitCount(size) != 1) {
            throw new IllegalArgumentException("bad BAR size " + size);
        }
    }
}
