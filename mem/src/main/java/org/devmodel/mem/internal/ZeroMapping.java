package org.devmodel.mem.internal;

import java.util.HashMap;
import java.util.Map;
import org.devmodel.core.mem.AddressSpace;
import org.devmodel.core.mem.MmioHandler;

/**
 * {@code mmap_zero}: a mapping of {@code /dev/zero} is fresh zero-filled memory of its own, pages
 * allocated on first write, little-endian. Thread-safe.
 */
final class ZeroMapping implements MmioHandler {
    private static final int PAGE = (int) AddressSpace.PAGE_SIZE;

    private final Map<Long, byte[]> pages = new HashMap<>();

    @Override
    public synchronized long read(long offset, int size) {
        byte[] page = pages.get(offset / PAGE);
        if (page == null) {
            return 0;
        }
        long value = 0;
        for (int i = size - 1; i >= 0; i--) {
            value = (value << 8) | (page[(int) (offset % PAGE) + i] & 0xffL);
        }
        return value;
    }

    /** An access never crosses a page: the address space splits unaligned ones into bytes. */
    @Override
    public synchronized void write(long offset, int size, long value) {
        byte[] page = pages.computeIfAbsent(offset / PAGE, p -> new byte[PAGE]);
        for (int i = 0; i < size; i++) {
            page[(int) (offset % PAGE) + i] = (byte) (value >>> (8 * i));
        }
    }
}
