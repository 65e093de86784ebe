package org.devmodel.host;

import java.util.Map;
import java.util.TreeMap;
import jnr.ffi.Pointer;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.mem.UserMemory;
import org.devmodel.core.proc.Mman;
import org.devmodel.host.internal.Libc;

/**
 * This process's real memory behind the {@link UserMemory} face, little-endian as on x86_64.
 *
 * <p>Real memory cannot report a bad address: touching one kills the JVM. So this class reads and
 * writes only inside the readable and writable mappings it knows of (those made through it or
 * through its {@link HostSyscalls}) and answers EFAULT elsewhere, as the model's address space
 * does for unmapped bytes. Thread-safe.
 */
public final class NativeMemory implements UserMemory {
    /** {@code MAP_FIXED_NOREPLACE}: place the mapping exactly there, or fail with EEXIST. */
    private static final int MAP_FIXED_NOREPLACE = 0x100000;

    private final Libc libc;
    /** Known mappings, start to end; abutting ones are kept apart. */
    private final TreeMap<Long, Long> mappings = new TreeMap<>();

    NativeMemory(Libc libc) {
        this.libc = libc;
    }

    @Override
    public byte[] copyFromUser(long from, int n) throws KernelException {
        byte[] to = new byte[n];
        pointer(from, n).get(0, to, 0, n);
        return to;
    }

    @Override
    public void copyToUser(long to, byte[] from) throws KernelException {
        pointer(to, from.length).put(0, from, 0, from.length);
    }

    @Override
    public long load(long address, int size) throws KernelException {
        Pointer p = pointer(address, size);
        return switch (size) {
            case 1 -> p.getByte(0) & 0xffL;
            case 2 -> p.getShort(0) & 0xffffL;
            case 4 -> p.getInt(0) & 0xffff_ffffL;
            case 8 -> p.getLong(0);
            default -> throw new IllegalArgumentException("access width not 1, 2, 4 or 8: " + size);
        };
    }

    @Override
    public void store(long address, int size, long value) throws KernelException {
        Pointer p = pointer(address, size);
        switch (size) {
            case 1 -> p.putByte(0, (byte) value);
            case 2 -> p.putShort(0, (short) value);
            case 4 -> p.putInt(0, (int) value);
            case 8 -> p.putLong(0, value);
            default -> throw new IllegalArgumentException("access width not 1, 2, 4 or 8: " + size);
        }
    }

    /** {@code mmap(NULL, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)}. */
    @Override
    public long mmap(long length) throws KernelException {
        long address = libc.check(libc.functions().mmap(0, length, Mman.PROT_READ | Mman.PROT_WRITE,
                Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS, -1, 0), "mmap " + length);
        mapped(address, length);
        return address;
    }

    /**
     * Maps anonymous, zero-filled, readable and writable memory at a chosen address, never over an
     * existing mapping ({@code MAP_FIXED_NOREPLACE}, Linux 4.17; an older kernel takes the address as
     * a hint, and a mapping placed elsewhere is undone).
     *
     * @param address the start, page aligned
     * @param length the length in bytes, rounded up to whole pages
     * @throws KernelException EEXIST when something is mapped there, EINVAL, ENOMEM
     */
    public void mmapFixed(long address, long length) throws KernelException {
        long placed = libc.check(libc.functions().mmap(address, length, Mman.PROT_READ | Mman.PROT_WRITE,
                Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0),
                "mmap 0x" + Long.toHexString(address));
        if (placed != address) {
            libc.check(libc.functions().munmap(placed, length), "munmap 0x" + Long.toHexString(placed));
            throw new KernelException(Errno.EEXIST, "mmap 0x" + Long.toHexString(address) + ": address taken");
        }
        mapped(address, length);
    }

    @Override
    public void munmap(long address, long length) throws KernelException {
        libc.check(libc.functions().munmap(address, length), "munmap 0x" + Long.toHexString(address));
        unmapped(address, length);
    }

    /**
     * Records a readable and writable mapping the caller made.
     *
     * @param address its start
     * @param length its length, rounded up to whole pages
     */
    synchronized void mapped(long address, long length) {
        mappings.put(address, address + pageAligned(length));
    }

    /**
     * Forgets whatever the range covered, keeping the parts of mappings around it.
     *
     * @param address the start
     * @param length the length, rounded up to whole pages
     */
    synchronized void unmapped(long address, long length) {
        long end = address + pageAligned(length);
        Map.Entry<Long, Long> before = mappings.lowerEntry(address);
        if (before != null && before.getValue() > address) {
            mappings.put(before.getKey(), address);
            if (before.getValue() > end) {
                mappings.put(end, before.getValue());
            }
        }
        for (Map.Entry<Long, Long> m : Map.copyOf(mappings.subMap(address, end)).entrySet()) {
            mappings.remove(m.getKey());
            if (m.getValue() > end) {
                mappings.put(end, m.getValue());
            }
        }
    }

    private Pointer pointer(long address, int n) throws KernelException {
        if (!covered(address, n)) {
            throw new KernelException(Errno.EFAULT, "not memory this bridge mapped: 0x" + Long.toHexString(address));
        }
        return Pointer.wrap(libc.runtime(), address);
    }

    private synchronized boolean covered(long address, int n) {
        long at = address;
        long end = address + n;
        if (n < 0 || end < address) {
            return false;
        }
        while (at < end) {
            Map.Entry<Long, Long> m = mappings.floorEntry(at);
            if (m == null || m.getValue() <= at) {
                return false;
            }
            at = m.getValue();
        }
        return true;
    }

    private static long pageAligned(long length) {
        return (length + Mman.PAGE_SIZE - 1) & -Mman.PAGE_SIZE;
    }
}
