package org.devmodel.core.internal.mem;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The resident pages of anonymous memory, keyed by page number: a page exists once written, so a
 * large mapping costs nothing until it is used, and reading an absent page gives zeros.
 *
 * <p>Not thread-safe: the owning address space calls it with its lock held.
 */
public final class PageStore {
    /** The page size, 4 KiB as on x86_64. */
    public static final int PAGE_SIZE = 4096;
    private static final int PAGE_SHIFT = 12;

    private final Map<Long, byte[]> pages = new HashMap<>();

    /**
     * Copies bytes out of memory; absent pages read as zeros and stay absent.
     *
     * @param address the first address
     * @param dst where the bytes go
     * @param offset the first index of {@code dst} written
     * @param length how many bytes
     */
    public void read(long address, byte[] dst, int offset, int length) {
        int done = 0;
        while (done < length) {
            long at = address + done;
            int chunk = chunk(at, length - done);
            byte[] page = pages.get(at >>> PAGE_SHIFT);
            if (page == null) {
                Arrays.fill(dst, offset + done, offset + done + chunk, (byte) 0);
            } else {
                System.arraycopy(page, pageOffset(at), dst, offset + done, chunk);
            }
            done += chunk;
        }
    }

    /**
     * Copies bytes into memory, allocating the pages written.
     *
     * @param address the first address
     * @param src the bytes
     * @param offset the first index of {@code src} read
     * @param length how many bytes
     */
    public void write(long address, byte[] src, int offset, int length) {
        int done = 0;
        while (done < length) {
            long at = address + done;
            int chunk = chunk(at, length - done);
            byte[] page = pages.computeIfAbsent(at >>> PAGE_SHIFT, number -> new byte[PAGE_SIZE]);
            System.arraycopy(src, offset + done, page, pageOffset(at), chunk);
            done += chunk;
        }
    }

    /**
     * Frees the pages of {@code [start, end)}, as munmap does.
     *
     * @param start the first address, page-aligned
     * @param end the end, page-aligned
     */
    public void drop(long start, long end) {
        long first = start >>> PAGE_SHIFT;
        long last = end >>> PAGE_SHIFT;
        pages.keySet().removeIf(number -> number >= first && number < last);
    }

    /** {@return how many pages are allocated} */
    public int residentPages() {
        return pages.size();
    }

    private static int pageOffset(long address) {
        return (int) (address & (PAGE_SIZE - 1));
    }

    private static int chunk(long address, int remaining) {
        return Math.min(remaining, PAGE_SIZE - pageOffset(address));
    }
}
