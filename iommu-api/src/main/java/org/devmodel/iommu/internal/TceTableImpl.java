package org.devmodel.iommu.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.log.KernelLog;
import org.devmodel.core.mem.AddressSpace;
import org.devmodel.core.mem.Mapping;
import org.devmodel.iommu.DmaDirection;
import org.devmodel.iommu.IommuDomain;
import org.devmodel.iommu.IommuGroup;
import org.devmodel.iommu.TceTable;

/**
 * A group's TCE table ({@code arch/powerpc/kernel/iommu.c} and PowerNV's {@code pnv_tce_build}):
 * the entries in use, whether a user owns the table, and the translation devices of the group
 * DMA through. Only entries in use are stored.
 */
final class TceTableImpl implements TceTable {
    /** The permission bits of a TCE value. */
    private static final long TCE_PERMS = TCE_PCI_READ | TCE_PCI_WRITE;

    private final IommuGroup group;
    private final long offset;
    private final long size;
    private final KernelLog log;
    /** Entries in use, by entry number; guarded by {@code this}, like the pool locks. */
    private final Map<Long, Tce> entries = new HashMap<>();
    /** Guarded by {@code this}: {@code it_map} filled by {@code iommu_take_ownership}. */
    private boolean owned;

    /**
     * An entry in use: the pinned page and what the device may do with it.
     *
     * @param memory the address space the page belongs to
     * @param address the page's user address
     * @param write whether the device may write it (reading is always allowed)
     */
    private record Tce(AddressSpace memory, long address, boolean write) {
    }

    TceTableImpl(IommuGroup group, long windowStart, long windowSize, KernelLog log) {
        this.group = group;
        this.offset = windowStart >>> IOMMU_PAGE_SHIFT_4K;
        this.size = windowSize >>> IOMMU_PAGE_SHIFT_4K;
        this.log = log;
    }

    @Override
    public IommuGroup group() {
        return group;
    }

    @Override
    public long offset() {
        return offset;
    }

    @Override
    public long size() {
        return size;
    }

    private boolean inWindow(long entry) {
        return Long.compareUnsigned(entry, offset) >= 0 && Long.compareUnsigned(entry - offset, size) < 0;
    }

    @Override
    public void putParamCheck(long ioba, long tce) throws KernelException {
        if ((tce & TCE_PERMS) == 0) {
            throw new KernelException(Errno.EINVAL, "iommu_tce: TCE without READ or WRITE");
        }
        if ((tce & ~(IOMMU_PAGE_MASK_4K | TCE_PERMS)) != 0) {
            throw new KernelException(Errno.EINVAL, "iommu_tce: TCE 0x" + Long.toHexString(tce) + " not page-aligned");
        }
        checkRange(ioba, 1);
    }

    @Override
    public void clearParamCheck(long ioba, long tceValue, long npages) throws KernelException {
        if (tceValue != 0) {
            throw new KernelException(Errno.EINVAL, "iommu_tce: entries can only be cleared to 0");
        }
        checkRange(ioba, npages);
    }

    /** The checks both param checks end with: alignment, then the window, in unsigned arithmetic as in C. */
    private void checkRange(long ioba, long npages) throws KernelException {
        if ((ioba & ~IOMMU_PAGE_MASK_4K) != 0) {
            throw new KernelException(Errno.EINVAL, "iommu_tce: I/O address 0x" + Long.toHexString(ioba) + " not page-aligned");
        }
        long entry = ioba >>> IOMMU_PAGE_SHIFT_4K;
        if (Long.compareUnsigned(entry, offset) < 0 || Long.compareUnsigned(entry + npages, offset + size) > 0) {
            throw new KernelException(Errno.EINVAL, "iommu_tce: 0x" + Long.toHexString(ioba) + " + " + npages
                    + " pages outside the DMA window");
        }
    }

    @Override
    public void putTceUserMode(AddressSpace mm, long entry, long tce) throws KernelException {
        long address = tce & IOMMU_PAGE_MASK_4K;
        if (!anonymousPage(mm, address)) {
            throw new KernelException(Errno.EFAULT, "iommu_tce: no user page at 0x" + Long.toHexString(address));
        }
        if (!inWindow(entry)) {
            // v3.14 writes past the table here; devmodel refuses (README, deviations)
            throw new KernelException(Errno.EINVAL, "iommu_tce: entry 0x" + Long.toHexString(entry) + " outside the DMA window");
        }
        synchronized (this) {
            if (!entries.containsKey(entry)) {
                entries.put(entry, new Tce(mm, address, (tce & TCE_PCI_WRITE) != 0));
                return;
            }
        }
        log.err(String.format("iommu_tce: iommu_put_tce_user_mode failed ioba=%x, tce=%x, ret=%d",
                entry << IOMMU_PAGE_SHIFT_4K, tce, -Errno.EBUSY.number()));
        throw new KernelException(Errno.EBUSY, "iommu_tce: entry 0x" + Long.toHexString(entry) + " in use");
    }

    /** {@code get_user_pages_fast} of one page: only anonymous memory has pages to pin. */
    private static boolean anonymousPage(AddressSpace mm, long address) {
        for (Mapping vma : mm.mappings()) {
            if (Long.compareUnsigned(vma.start(), address) <= 0 && Long.compareUnsigned(address, vma.end()) < 0) {
                return vma.kind() == Mapping.Kind.ANONYMOUS;
            }
        }
        return false;
    }

    @Override
    public synchronized void clearTcesAndPutPages(long entry, long pages) {
        for (long n = 0; n < pages; n++) {
            entries.remove(entry + n);
        }
    }

    @Override
    public void takeOwnership() throws KernelException {
        synchronized (this) {
            if (!owned) {
                owned = true;
                entries.clear();
                return;
            }
        }
        log.err("iommu_tce: it_map is not empty");
        throw new KernelException(Errno.EBUSY, "iommu_tce: the table of " + group + " is owned already");
    }

    @Override
    public synchronized void releaseOwnership() {
        entries.clear();
        owned = false;
    }

    /** {@return whether a user owns the table} */
    synchronized boolean owned() {
        return owned;
    }

    /** {@return how many entries are in use} */
    synchronized int entriesInUse() {
        return entries.size();
    }

    /**
     * The hardware's lookup for a DMA: the entry's page, if the entry is in the window, in use and
     * permits the access.
     *
     * @param iova the I/O address
     * @param direction the access
     * @return the rest of the page from {@code iova} on; empty on a fault
     */
    synchronized Optional<IommuDomain.Translation> translate(long iova, DmaDirection direction) {
        Tce tce = entries.get(iova >>> IOMMU_PAGE_SHIFT_4K);
        if (tce == null || (direction == DmaDirection.WRITE && !tce.write())) {
            return Optional.empty();
        }
        long within = iova & ~IOMMU_PAGE_MASK_4K;
        return Optional.of(new IommuDomain.Translation(tce.memory(), tce.address() + within, IOMMU_PAGE_SIZE_4K - within));
    }

    /**
     * {@return why a DMA faults, for the log}
     *
     * @param iova the I/O address
     */
    synchronized String faultReason(long iova) {
        long entry = iova >>> IOMMU_PAGE_SHIFT_4K;
        if (!inWindow(entry)) {
            return String.format("outside the DMA window %x..%x", offset << IOMMU_PAGE_SHIFT_4K,
                    ((offset + size) << IOMMU_PAGE_SHIFT_4K) - 1);
        }
        return entries.containsKey(entry) ? "read-only TCE" : "empty TCE";
    }

    /** {@return the window and state, for the snapshot} */
    @Override
    public synchronized List<String> mappings() {
        return entries.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> String.format("0x%x+0x%x -> 0x%x %s", e.getKey() << IOMMU_PAGE_SHIFT_4K,
                        IOMMU_PAGE_SIZE_4K, e.getValue().address(), e.getValue().write() ? "rw" : "r-"))
                .toList();
    }

    synchronized String describe() {
        return String.format("[TCE window 0x%x+0x%x%s]", offset << IOMMU_PAGE_SHIFT_4K, size << IOMMU_PAGE_SHIFT_4K,
                owned ? ", owned, " + entries.size() + " in use" : "");
    }
}
