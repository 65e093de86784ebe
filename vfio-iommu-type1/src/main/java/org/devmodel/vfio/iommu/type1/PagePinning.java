package org.devmodel.vfio.iommu.type1;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.log.KernelLog;
import org.devmodel.core.mem.AddressSpace;
import org.devmodel.core.mem.Mapping;
import org.devmodel.core.proc.Capability;
import org.devmodel.core.proc.Task;

/**
 * {@code vfio_pin_pages}/{@code vfio_unpin_pages} and the part of {@code mm->locked_vm} they
 * account: pages pinned for DMA, counted per process memory (not per container, as a process may
 * use several) against {@code RLIMIT_MEMLOCK}. Thread-safe.
 */
final class PagePinning {
    private static final int PAGE_SHIFT = Long.numberOfTrailingZeros(AddressSpace.PAGE_SIZE);

    private final KernelLog log;
    /** Pages counted per address space; an address space with none is absent, so none is kept alive. */
    private final Map<AddressSpace, Long> lockedVm = new ConcurrentHashMap<>();

    PagePinning(KernelLog log) {
        this.log = log;
    }

    /**
     * A run of pinned user memory of one kind.
     *
     * @param vaddr its first user address
     * @param size its length in bytes
     * @param reserved whether it is a device region ({@code VM_PFNMAP}), not counted as locked
     */
    record PinnedRange(long vaddr, long size, boolean reserved) {
    }

    /**
     * Pins the pages of a user range of the calling process, in address order, as v3.14 does page by
     * page: a page that is not mapped fails with EFAULT, and a counted page that would take the
     * process past {@code RLIMIT_MEMLOCK} fails with ENOMEM unless it holds {@code CAP_IPC_LOCK};
     * whichever page comes first decides. Pages of a device region are pinned but not counted.
     * Nothing is counted unless every page is pinned, which is what v3.14's unwind leaves behind.
     *
     * @param current the process mapping its memory
     * @param vaddr the first user address, page-aligned
     * @param size the length, page-aligned, not 0, not wrapping
     * @return the range split where the kind of memory changes
     * @throws KernelException EFAULT or ENOMEM
     */
    List<PinnedRange> pin(Task current, long vaddr, long size) throws KernelException {
        AddressSpace mm = current.memory();
        long limit = current.memlockLimit() >>> PAGE_SHIFT;
        boolean lockCap = current.credentials().capable(Capability.CAP_IPC_LOCK);
        long locked = lockedPages(mm);
        long counted = 0;
        List<PinnedRange> pinned = new ArrayList<>();
        long at = vaddr;
        long remaining = size;
        for (Mapping vma : mm.mappings()) {
            if (remaining == 0 || vma.start() > at) {
                break;  // done, or a hole (an address past TASK_SIZE is below every start)
            }
            if (vma.end() <= at) {
                continue;
            }
            long length = Long.compareUnsigned(remaining, vma.end() - at) < 0 ? remaining : vma.end() - at;
            boolean reserved = vma.kind() == Mapping.Kind.DEVICE;
            if (!reserved) {
                counted += length >>> PAGE_SHIFT;
                if (!lockCap && locked + counted > limit) {
                    log.warn("vfio_pin_pages: RLIMIT_MEMLOCK (" + (limit << PAGE_SHIFT) + ") exceeded");
                    throw new KernelException(Errno.ENOMEM);
                }
            }
            pinned.add(new PinnedRange(at, length, reserved));
            at += length;
            remaining -= length;
        }
        if (remaining != 0) {
            throw new KernelException(Errno.EFAULT, "vfio_pin_pages: no page at 0x" + Long.toHexString(at));
        }
        account(mm, counted);
        return pinned;
    }

    /**
     * Unpins pages of a mapping, returning them to the locked count of the memory they belong to.
     *
     * @param dma the mapping
     * @param size how many of its bytes
     */
    void unpin(VfioDma dma, long size) {
        if (!dma.reserved) {
            account(dma.mm, -(size >>> PAGE_SHIFT));
        }
    }

    /**
     * {@return the pages counted as locked for an address space}
     *
     * @param mm the address space
     */
    long lockedPages(AddressSpace mm) {
        return lockedVm.getOrDefault(mm, 0L);
    }

    /** {@return the pages counted as locked, over every address space} */
    long lockedPages() {
        return lockedVm.values().stream().mapToLong(Long::longValue).sum();
    }

    /** {@code vfio_lock_acct}. */
    private void account(AddressSpace mm, long pages) {
        lockedVm.compute(mm, (space, old) -> {
            long now = (old == null ? 0 : old) + pages;
            return now == 0 ? null : now;
        });
    }
}
