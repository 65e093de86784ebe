package org.devmodel.core.mem;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.internal.mem.PageStore;
import org.devmodel.core.internal.mem.Span;
import org.devmodel.core.internal.mem.Vma;
import org.devmodel.core.internal.mem.VmaSet;

/**
 * A process's user address space: x86_64, 4 KiB pages, little-endian, sparse.
 *
 * <p>Anonymous pages exist once written; reading an untouched page gives zeros without allocating
 * it. {@link #mmap} places mappings by devmodel's rule (kernel-facts section 10): the first at
 * {@link #MMAP_BASE}, each later one a guard page above the end of the most recent one.
 *
 * <p>Addresses are unsigned 64-bit values held in {@code long}: a negative {@code long} is an address
 * above {@link #TASK_SIZE} and never mapped, and a range that would wrap past 2^64 faults. Any
 * unmapped byte in a range makes the access fail with {@link Errno#EFAULT}; the whole range is
 * checked before anything is read or written, so a write to a range with a hole changes nothing.
 * (One race is left open: another thread unmapping part of the range while an access crosses a
 * device span, whose handler runs without the lock, faults after the bytes before it moved.)
 *
 * <p>Thread-safe: the process and a device's DMA timer may use one address space at once. One lock
 * guards the mappings and pages; {@link MmioHandler}s are called without it (see there why).
 */
public final class AddressSpace implements UserMemory {
    /** The page size, 4 KiB. */
    public static final long PAGE_SIZE = PageStore.PAGE_SIZE;
    /** Where the first mmap of a process goes. */
    public static final long MMAP_BASE = 0x7f00_0000_0000L;
    /** {@code TASK_SIZE} on x86_64 (4-level paging): the end of user addresses. */
    public static final long TASK_SIZE = 0x7fff_ffff_f000L;

    private final Object lock = new Object();
    private final VmaSet vmas = new VmaSet();
    private final PageStore pages = new PageStore();
    private long mmapCursor = MMAP_BASE;

    /** Creates an empty address space. */
    public AddressSpace() {
        // nothing mapped yet; the first mmap goes to MMAP_BASE
    }

    // ---- mappings ----------------------------------------------------------------------------

    /**
     * Maps anonymous, zero-filled memory where devmodel's placement rule says.
     *
     * @param length the length in bytes, rounded up to whole pages
     * @return the start address of the mapping
     * @throws KernelException EINVAL if {@code length} is not positive, ENOMEM if no room is left
     */
    @Override
    public long mmap(long length) throws KernelException {
        return mapAtCursor(length, Vma.Anonymous::new);
    }

    /**
     * Maps a device region (a BAR mmap'd from a device file) where devmodel's placement rule says.
     *
     * @param length the length in bytes, rounded up to whole pages
     * @param handler the driver's register accessors; offsets passed to it count from the start
     *     of this mapping
     * @return the start address of the mapping
     * @throws KernelException EINVAL if {@code length} is not positive, ENOMEM if no room is left
     */
    public long mmapDevice(long length, MmioHandler handler) throws KernelException {
        Objects.requireNonNull(handler, "handler");
        return mapAtCursor(length, (start, end) -> new Vma.Device(start, end, handler, 0));
    }

    /**
     * Maps anonymous memory at a caller-chosen address ({@code MAP_FIXED}, but refusing to replace
     * anything). It does not move the cursor that {@link #mmap} places mappings with.
     *
     * @param address the start address, page-aligned
     * @param length the length in bytes, rounded up to whole pages
     * @throws KernelException EINVAL if unaligned, not positive, beyond {@link #TASK_SIZE} or
     *     overlapping an existing mapping
     */
    public void mmapFixed(long address, long length) throws KernelException {
        long end = checkedRangeEnd("mmap", address, length);
        synchronized (lock) {
            if (vmas.overlaps(address, end)) {
                throw new KernelException(Errno.EINVAL, "mmap: fixed range overlaps a mapping");
            }
            vmas.insert(new Vma.Anonymous(address, end));
        }
    }

    /**
     * Unmaps whole pages, splitting mappings that extend beyond the range and freeing the pages
     * of anonymous memory. Unmapping a range with no mapping in it is not an error, as in Linux.
     *
     * @param address the start address, page-aligned
     * @param length the length in bytes, rounded up to whole pages
     * @throws KernelException EINVAL if unaligned, not positive or beyond {@link #TASK_SIZE}
     */
    @Override
    public void munmap(long address, long length) throws KernelException {
        long end = checkedRangeEnd("munmap", address, length);
        synchronized (lock) {
            vmas.remove(address, end);
            pages.drop(address, end);
        }
    }

    /** {@return the mappings in address order} */
    public List<Mapping> mappings() {
        synchronized (lock) {
            return vmas.list();
        }
    }

    /** {@return how many pages of anonymous memory are allocated} */
    public int residentPages() {
        synchronized (lock) {
            return pages.residentPages();
        }
    }

    // ---- user access ------------------------------------------------------------------------

    /**
     * {@code copy_from_user}: copies bytes out of user memory.
     *
     * @param from the user address
     * @param n how many bytes
     * @return the bytes read
     * @throws KernelException EFAULT if any byte of the range is unmapped
     */
    @Override
    public byte[] copyFromUser(long from, int n) throws KernelException {
        if (n < 0) {
            throw new IllegalArgumentException("negative length: " + n);
        }
        byte[] to = new byte[n];
        access(from, to, false);
        return to;
    }

    /**
     * {@code copy_to_user}: copies bytes into user memory, all or nothing.
     *
     * @param to the user address
     * @param from the bytes to write
     * @throws KernelException EFAULT if any byte of the range is unmapped; nothing is written then
     */
    @Override
    public void copyToUser(long to, byte[] from) throws KernelException {
        access(to, from, true);
    }

    /**
     * {@code strndup_user}: reads a NUL-terminated string of at most {@code n} bytes, counting the NUL.
     *
     * @param from the user address of the string
     * @param n the largest accepted size including the NUL, positive
     * @return the string, decoded as UTF-8, without the NUL
     * @throws KernelException EFAULT if a byte before the NUL is unmapped, EINVAL if no NUL is found
     *     in the first {@code n} bytes
     */
    public String strndupUser(long from, int n) throws KernelException {
        if (n <= 0) {
            throw new IllegalArgumentException("string size limit not positive: " + n);
        }
        byte[] bytes = new byte[n];
        for (int i = 0; i < n; i++) {
            bytes[i] = (byte) load(from + i, 1);
            if (bytes[i] == 0) {
                return new String(bytes, 0, i, StandardCharsets.UTF_8);
            }
        }
        throw new KernelException(Errno.EINVAL, "strndup_user: string longer than " + n + " bytes");
    }

    /**
     * {@code get_user}: loads a little-endian value of 1, 2, 4 or 8 bytes, zero-extended.
     *
     * @param address the user address
     * @param size the width in bytes: 1, 2, 4 or 8
     * @return the value; only the low {@code size} bytes can be non-zero
     * @throws KernelException EFAULT if any byte is unmapped
     */
    @Override
    public long load(long address, int size) throws KernelException {
        long mask = widthMask(size);
        Optional<Vma.Device> device = singleDeviceAccess(address, size);
        if (device.isPresent()) {
            return device.get().handler().read(device.get().regionOffset(address), size) & mask;
        }
        byte[] bytes = copyFromUser(address, size);
        long value = 0;
        for (int i = size - 1; i >= 0; i--) {
            value = (value << 8) | (bytes[i] & 0xffL);
        }
        return value;
    }

    /**
     * {@code put_user}: stores the low 1, 2, 4 or 8 bytes of a value, little-endian.
     *
     * @param address the user address
     * @param size the width in bytes: 1, 2, 4 or 8
     * @param value the value; bytes above {@code size} are ignored
     * @throws KernelException EFAULT if any byte is unmapped; nothing is written then
     */
    @Override
    public void store(long address, int size, long value) throws KernelException {
        long mask = widthMask(size);
        Optional<Vma.Device> device = singleDeviceAccess(address, size);
        if (device.isPresent()) {
            device.get().handler().write(device.get().regionOffset(address), size, value & mask);
            return;
        }
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (value >>> (8 * i));
        }
        access(address, bytes, true);
    }

    // ---- helpers ------------------------------------------------------------------------------

    private long mapAtCursor(long length, BiFunction<Long, Long, Vma> backing) throws KernelException {
        long size = pageAlignedLength("mmap", length);
        synchronized (lock) {
            long start = mmapCursor;
            long end = start + size;
            if (size > TASK_SIZE - start || vmas.overlaps(start, end)) {
                throw new KernelException(Errno.ENOMEM, "mmap: no room above the previous mapping");
            }
            vmas.insert(backing.apply(start, end));
            // The rule is "above the most recent mapping", not first fit: holes are never reused.
            mmapCursor = end + PAGE_SIZE;
            return start;
        }
    }

    private static long checkedRangeEnd(String call, long address, long length) throws KernelException {
        long size = pageAlignedLength(call, length);
        if ((address & (PAGE_SIZE - 1)) != 0 || address < 0 || size > TASK_SIZE - address) {
            throw new KernelException(Errno.EINVAL, call + ": bad address 0x" + Long.toHexString(address));
        }
        return address + size;
    }

    private static long pageAlignedLength(String call, long length) throws KernelException {
        if (length <= 0 || length > TASK_SIZE) {
            throw new KernelException(Errno.EINVAL, call + ": bad length " + Long.toUnsignedString(length));
        }
        return (length + PAGE_SIZE - 1) & -PAGE_SIZE;
    }

    private static long widthMask(int size) {
        return switch (size) {
            case 1 -> 0xffL;
            case 2 -> 0xffffL;
            case 4 -> 0xffff_ffffL;
            case 8 -> -1L;
            default -> throw new IllegalArgumentException("access width not 1, 2, 4 or 8: " + size);
        };
    }

    /** The device area an access goes to as one call: aligned, natural width, inside one area. */
    private Optional<Vma.Device> singleDeviceAccess(long address, int size) {
        if (address < 0 || address % size != 0) {
            return Optional.empty();
        }
        synchronized (lock) {
            return vmas.find(address)
                    .filter(vma -> vma.end() - address >= size)
                    .filter(Vma.Device.class::isInstance)
                    .map(Vma.Device.class::cast);
        }
    }

    private void access(long address, byte[] buffer, boolean write) throws KernelException {
        for (Span span : spans(address, buffer.length)) {
            if (span.vma() instanceof Vma.Device device) {
                accessDeviceBytes(device, span, buffer, write);
            } else {
                accessAnonymous(span, buffer, write);
            }
        }
    }

    /** Splits a range by area, faulting before any access if a byte of it is unmapped. */
    private List<Span> spans(long address, int length) throws KernelException {
        long end = address + length;
        if (address < 0 || end < address) {
            throw fault(address);
        }
        List<Span> spans = new ArrayList<>();
        synchronized (lock) {
            long at = address;
            while (at < end) {
                Optional<Vma> vma = vmas.find(at);
                if (vma.isEmpty()) {
                    throw fault(at);
                }
                long stop = Math.min(end, vma.get().end());
                spans.add(new Span(vma.get(), at, (int) (at - address), (int) (stop - at)));
                at = stop;
            }
        }
        return spans;
    }

    private void accessAnonymous(Span span, byte[] buffer, boolean write) throws KernelException {
        synchronized (lock) {
            // The lock was dropped for device spans before this one; the area may have gone since.
            boolean stillMapped = vmas.find(span.start())
                    .filter(vma -> vma instanceof Vma.Anonymous && vma.end() >= span.end())
                    .isPresent();
            if (!stillMapped) {
                throw fault(span.start());
            }
            if (write) {
                pages.write(span.start(), buffer, span.bufferOffset(), span.length());
            } else {
                pages.read(span.start(), buffer, span.bufferOffset(), span.length());
            }
        }
    }

    private static void accessDeviceBytes(Vma.Device device, Span span, byte[] buffer, boolean write) {
        for (int i = 0; i < span.length(); i++) {
            long offset = device.regionOffset(span.start() + i);
            int index = span.bufferOffset() + i;
            if (write) {
                device.handler().write(offset, 1, buffer[index] & 0xffL);
            } else {
                buffer[index] = (byte) device.handler().read(offset, 1);
            }
        }
    }

    private static KernelException fault(long address) {
        return new KernelException(Errno.EFAULT, "bad user address 0x" + Long.toHexString(address));
    }
}
