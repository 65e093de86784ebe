package org.devmodel.pci;

import org.devmodel.core.mem.MmioHandler;

/**
 * A memory BAR of a function, accessed by size as the CPU would: an access of 1, 2, 4 or 8 bytes
 * is one access of that size to the device's registers. While COMMAND's memory-enable bit is clear
 * the device does not decode the BAR: reads answer all ones (a master abort) and writes are
 * dropped. It is also the handler a driver maps into a process ({@code AddressSpace.mmapDevice}).
 */
public interface PciBar extends MmioHandler {

    /** {@return the BAR number, 0 to 5} */
    int index();

    /** {@return the size in bytes, a power of two} */
    long size();

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException for a size other than 1, 2, 4 or 8, or an access outside the BAR
     */
    @Override
    long read(long offset, int size);

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException for a size other than 1, 2, 4 or 8, or an access outside the BAR
     */
    @Override
    void write(long offset, int size, long value);
}
