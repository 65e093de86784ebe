package org.devmodel.vfio.iommu.spapr;

import java.util.HashMap;
import java.util.Map;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.log.KernelLog;
import org.devmodel.core.mem.AddressSpace;
import org.devmodel.core.proc.Capability;
import org.devmodel.core.proc.Task;

/**
 * The part of {@code mm->locked_vm} this backend accounts: the worst case of a whole DMA window,
 * charged at {@code VFIO_IOMMU_ENABLE} against {@code RLIMIT_MEMLOCK} and returned at disable,
 * counted per process memory in pages. Thread-safe.
 */
final class LockedVm {
    private static final int PAGE_SHIFT = Long.numberOfTrailingZeros(AddressSpace.PAGE_SIZE);

    private final KernelLog log;
    /** Pages counted per address space; one with none is absent, so none is kept alive. Guarded by {@code this}. */
    private final Map<AddressSpace, Long> pages = new HashMap<>();

    LockedVm(KernelLog log) {
        this.log = log;
    }

    /**
     * The check and charge of {@code tce_iommu_enable}: refused when the process would pass
     * {@code RLIMIT_MEMLOCK}, unless it holds {@code CAP_IPC_LOCK}.
     *
     * @param current the process enabling
     * @param npages how many pages
     * @throws KernelException ENOMEM over the limit
     */
    void charge(Task current, long npages) throws KernelException {
        long limit = current.memlockLimit();
        synchronized (this) {
            long locked = lockedPages(current.memory()) + npages;
            if (locked <= (limit >>> PAGE_SHIFT) || current.credentials().capable(Capability.CAP_IPC_LOCK)) {
                pages.put(current.memory(), locked);
                return;
            }
        }
        log.warn("RLIMIT_MEMLOCK (" + limit + ") exceeded");
        throw new KernelException(Errno.ENOMEM);
    }

    /**
     * Returns pages charged earlier.
     *
     * @param mm the address space they were charged to
     * @param npages how many
     */
    synchronized void uncharge(AddressSpace mm, long npages) {
        long now = lockedPages(mm) - npages;
        if (now == 0) {
            pages.remove(mm);
        } else {
            pages.put(mm, now);
        }
    }

    /**
     * {@return the pages counted as locked for an address space}
     *
     * @param mm the address space
     */
    synchronized long lockedPages(AddressSpace mm) {
        return pages.getOrDefault(mm, 0L);
    }

    /** {@return the pages counted as locked over every address space} */
    synchronized long totalPages() {
        return pages.values().stream().mapToLong(Long::longValue).sum();
    }
}
