package org.devmodel.core.mem;

/**
 * The driver side of a device mapping: what a load or store in a mapped BAR does.
 *
 * <p>An aligned access of 1, 2, 4 or 8 bytes is exactly one call of that size; any other access
 * (unaligned, another width, a byte-array copy) is split into 1-byte calls, in address order.
 * Handlers are called without the address-space lock held, so a device may complete a DMA into the
 * same address space from its handler or from its own timer thread.
 */
public interface MmioHandler {

    /**
     * Reads a device register.
     *
     * @param offset the offset of the access from the start of the mapped region
     * @param size the access width in bytes: 1, 2, 4 or 8
     * @return the value read; only the low {@code size} bytes are used
     */
    long read(long offset, int size);

    /**
     * Writes a device register.
     *
     * @param offset the offset of the access from the start of the mapped region
     * @param size the access width in bytes: 1, 2, 4 or 8
     * @param value the value written, in its low {@code size} bytes
     */
    void write(long offset, int size, long value);
}
