package org.devmodel.vfio.iommu.type1;

import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_CHECK_EXTENSION;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_DMA_MAP_FLAG_READ;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_DMA_MAP_FLAG_WRITE;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IOMMU_GET_INFO;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IOMMU_MAP_DMA;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IOMMU_UNMAP_DMA;
import static org.devmodel.vfio.uapi.VfioStructs.VFIO_IOMMU_TYPE1_DMA_MAP;
import static org.devmodel.vfio.uapi.VfioStructs.VFIO_IOMMU_TYPE1_DMA_UNMAP;
import static org.devmodel.vfio.uapi.VfioStructs.VFIO_IOMMU_TYPE1_INFO;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.mem.AddressSpace;
import org.devmodel.core.mem.StructValue;
import org.devmodel.core.proc.Task;
import org.devmodel.iommu.DmaDirection;
import org.devmodel.iommu.Iommu;
import org.devmodel.iommu.IommuDomain;
import org.devmodel.iommu.IommuGroup;
import org.devmodel.iommu.vfio.VfioIommu;
import org.devmodel.vfio.iommu.type1.PagePinning.PinnedRange;

/**
 * {@code struct vfio_iommu}: the backend's state for one container: one IOMMU domain, the groups
 * attached to it and the DMA mappings it translates through. vfio calls it with the container's lock
 * held (read-locked for ioctls, so two may run at once); its own {@code lock}, like v3.14's
 * {@code iommu->lock}, serialises the mappings against each other and against devices translating.
 */
final class Type1Iommu implements VfioIommu {
    /** {@code pgsize_bitmap} of Intel VT-d, {@code ~0xFFF}: every power of two from 4 KiB. */
    static final long IOVA_PGSIZES = 0xffff_ffff_ffff_f000L;
    /** The smallest IOMMU page minus one: addresses and sizes must be aligned to it. */
    private static final long MASK = Long.lowestOneBit(IOVA_PGSIZES) - 1;
    /** {@code VFIO_DMA_MAP_FLAG_*} known in v3.14. */
    private static final long MAP_FLAGS = VFIO_DMA_MAP_FLAG_READ | VFIO_DMA_MAP_FLAG_WRITE;
    // Each minsz is offsetofend of the struct's last field, which is the struct's whole size here.
    private static final int INFO_MINSZ = VFIO_IOMMU_TYPE1_INFO.size();
    private static final int MAP_MINSZ = VFIO_IOMMU_TYPE1_DMA_MAP.size();
    private static final int UNMAP_MINSZ = VFIO_IOMMU_TYPE1_DMA_UNMAP.size();

    private final Type1Driver driver;
    private final Iommu iommu;
    private final PagePinning pinning;
    /** What devices in the attached groups translate through. */
    private final IommuDomain domain = this::translate;
    private final Object lock = new Object();
    /** Guarded by {@link #lock}. */
    private final DmaList dmaList = new DmaList();
    /** Guarded by {@link #lock}. */
    private final List<IommuGroup> groupList = new ArrayList<>();

    Type1Iommu(Type1Driver driver, Iommu iommu, PagePinning pinning) {
        this.driver = driver;
        this.iommu = iommu;
        this.pinning = pinning;
    }

    // ---- ioctls ------------------------------------------------------------------------------

    /**
     * {@code vfio_iommu_type1_ioctl}.
     *
     * @throws KernelException ENOTTY for an ioctl type1 does not know, or the command's errno
     */
    @Override
    public long ioctl(Task current, int cmd, long arg) throws KernelException {
        return switch (cmd) {
            // v3.14 asks the set backend through this entry; devmodel's vfio asks the driver
            case VFIO_CHECK_EXTENSION -> driver.checkExtension(arg);
            case VFIO_IOMMU_GET_INFO -> getInfo(current.memory(), arg);
            case VFIO_IOMMU_MAP_DMA -> mapDma(current, arg);
            case VFIO_IOMMU_UNMAP_DMA -> unmapDma(current.memory(), arg);
            default -> throw new KernelException(Errno.ENOTTY);
        };
    }

    /**
     * {@code VFIO_IOMMU_GET_INFO}: flags 0 even though {@code iova_pgsizes} is filled, a v3.14 quirk
     * kept. A fault copying out is EFAULT where v3.14 returns {@code copy_to_user}'s byte count.
     */
    private long getInfo(AddressSpace memory, long arg) throws KernelException {
        StructValue info = StructValue.copyPrefixFromUser(memory, arg, VFIO_IOMMU_TYPE1_INFO, INFO_MINSZ);
        if (info.get("argsz") < INFO_MINSZ) {
            throw new KernelException(Errno.EINVAL, "vfio_iommu_type1: GET_INFO argsz below " + INFO_MINSZ);
        }
        info.set("flags", 0).set("iova_pgsizes", IOVA_PGSIZES).copyToUser(memory, arg, INFO_MINSZ);
        return 0;
    }

    /** {@code VFIO_IOMMU_MAP_DMA}: the struct's checks, then {@link #doMap}. */
    private long mapDma(Task current, long arg) throws KernelException {
        StructValue map = StructValue.copyPrefixFromUser(current.memory(), arg, VFIO_IOMMU_TYPE1_DMA_MAP, MAP_MINSZ);
        long flags = map.get("flags");
        if (map.get("argsz") < MAP_MINSZ || (flags & ~MAP_FLAGS) != 0) {
            throw new KernelException(Errno.EINVAL, "vfio_iommu_type1: MAP_DMA argsz or flags");
        }
        // READ/WRITE from the device's perspective
        byte prot = (byte) (((flags & VFIO_DMA_MAP_FLAG_WRITE) != 0 ? VfioDma.IOMMU_WRITE : 0)
                | ((flags & VFIO_DMA_MAP_FLAG_READ) != 0 ? VfioDma.IOMMU_READ : 0));
        doMap(current, map.get("vaddr"), map.get("iova"), map.get("size"), prot);
        return 0;
    }

    /**
     * {@code VFIO_IOMMU_UNMAP_DMA}: writes back how many bytes were unmapped, 0 when nothing
     * overlapped. A fault copying out is EFAULT where v3.14 returns {@code copy_to_user}'s byte count.
     */
    private long unmapDma(AddressSpace memory, long arg) throws KernelException {
        StructValue unmap = StructValue.copyPrefixFromUser(memory, arg, VFIO_IOMMU_TYPE1_DMA_UNMAP, UNMAP_MINSZ);
        if (unmap.get("argsz") < UNMAP_MINSZ || unmap.get("flags") != 0) {
            throw new KernelException(Errno.EINVAL, "vfio_iommu_type1: UNMAP_DMA argsz or flags");
        }
        long unmapped = doUnmap(unmap.get("iova"), unmap.get("size"));
        unmap.set("size", unmapped).copyToUser(memory, arg, UNMAP_MINSZ);
        return 0;
    }

    // ---- map and unmap -------------------------------------------------------------------------

    /**
     * {@code vfio_dma_do_map}: checks the range, pins the user memory and inserts the mapping,
     * coalescing it with mappings it abuts. Pinning fails before anything is inserted or counted,
     * so a failing call leaves the mappings and the locked count as they were, which is the state
     * v3.14's unwind restores.
     *
     * @param current the process whose memory is mapped
     * @param vaddr the user address
     * @param iova the I/O virtual address
     * @param size the length in bytes
     * @param prot {@code IOMMU_READ} and/or {@code IOMMU_WRITE}
     * @throws KernelException EINVAL without a permission, for an unaligned or empty range or one
     *     that wraps; EEXIST when it overlaps a mapping; EFAULT or ENOMEM from pinning
     */
    void doMap(Task current, long vaddr, long iova, long size, byte prot) throws KernelException {
        if (prot == 0) {
            throw new KernelException(Errno.EINVAL, "vfio_dma_do_map: neither READ nor WRITE");
        }
        if ((vaddr & MASK) != 0 || (iova & MASK) != 0 || size == 0 || (size & MASK) != 0) {
            throw new KernelException(Errno.EINVAL, "vfio_dma_do_map: unaligned or empty range");
        }
        if (wraps(iova, size) || wraps(vaddr, size)) {
            throw new KernelException(Errno.EINVAL, "vfio_dma_do_map: range wraps");
        }
        if (endsAtTop(iova, size)) {
            // v3.14 quirk kept: with end 0, vfio_find_dma sees no overlap and the pinning loop
            // "iova < end" never runs, so the call succeeds having pinned and mapped nothing
            return;
        }
        synchronized (lock) {
            if (dmaList.find(iova, iova + size - 1) != null) {
                throw new KernelException(Errno.EEXIST, "vfio_dma_do_map: IOVA range already mapped");
            }
            long at = iova;
            for (PinnedRange range : pinning.pin(current, vaddr, size)) {
                insertDma(new VfioDma(at, range.vaddr(), range.size(), current.memory(), prot, range.reserved()));
                at += range.size();
            }
        }
    }

    /** {@return whether {@code start + size} wraps past 2^64; ending exactly there is allowed} */
    private static boolean wraps(long start, long size) {
        long end = start + size;
        return end != 0 && Long.compareUnsigned(end, start) < 0;
    }

    /**
     * {@return whether a non-empty range ends exactly at 2^64, where v3.14's {@code vfio_find_dma}
     * tests {@code start + size <= dma->iova} with the wrapped end 0, true of every mapping, and so
     * never finds one}
     */
    private static boolean endsAtTop(long start, long size) {
        return start + size == 0;
    }

    /**
     * Inserts a new mapping, merged into the one below it and the one above it when they abut with
     * the same permissions and contiguous user addresses; nothing is below 0 or above 2^64.
     */
    private void insertDma(VfioDma dma) {
        VfioDma merged = dma;
        if (dma.iova != 0) {
            VfioDma below = dmaList.containing(dma.iova - 1);
            if (below != null && below.abuts(dma)) {
                below.size += dma.size;  // its IOVA, the key, stays
                merged = below;
            }
        }
        long end = merged.iova + merged.size;
        if (end != 0) {
            VfioDma above = dmaList.containing(end);
            if (above != null && merged.abuts(above)) {
                dmaList.remove(above);
                merged.size += above.size;
            }
        }
        if (merged == dma) {
            dmaList.insert(dma);
        }
    }

    /**
     * {@code vfio_dma_do_unmap}: removes every part of every mapping inside the range, which may
     * remove, trim or split mappings. A range ending exactly at 2^64 finds nothing, as in v3.14; one
     * reaching past 2^64 ends there (v3.14 compares the wrapped end, with results that depend on the
     * tree's shape).
     *
     * @param iova the first I/O virtual address
     * @param size the length in bytes
     * @return how many bytes were unmapped, 0 when nothing overlapped
     * @throws KernelException EINVAL for an unaligned or empty range
     */
    long doUnmap(long iova, long size) throws KernelException {
        if ((iova & MASK) != 0 || size == 0 || (size & MASK) != 0) {
            throw new KernelException(Errno.EINVAL, "vfio_dma_do_unmap: unaligned or empty range");
        }
        if (endsAtTop(iova, size)) {
            return 0;
        }
        long last = wraps(iova, size) ? -1L : iova + size - 1;
        long unmapped = 0;
        synchronized (lock) {
            for (VfioDma dma = dmaList.find(iova, last); dma != null; dma = dmaList.find(iova, last)) {
                unmapped += removeDmaOverlap(dma, iova, last);
            }
        }
        return unmapped;
    }

    /**
     * {@code vfio_remove_dma_overlap}: unmaps and unpins the part of a mapping inside
     * {@code [start, last]}: all of it, its low part (the rest moves up), its high part (the rest
     * shrinks), or its middle (the mapping splits in two). Called with {@code lock} held.
     *
     * @return how many bytes were unmapped
     */
    private long removeDmaOverlap(VfioDma dma, long start, long last) {
        boolean fromBelow = Long.compareUnsigned(start, dma.iova) <= 0;
        boolean toAbove = Long.compareUnsigned(last, dma.last()) >= 0;
        long overlap;
        if (fromBelow && toAbove) {
            overlap = dma.size;
            dmaList.remove(dma);
        } else if (fromBelow) {
            overlap = last - dma.iova + 1;
            dmaList.remove(dma);
            dmaList.insert(dma.tail(overlap));
        } else if (toAbove) {
            overlap = dma.last() - start + 1;
            dma.size -= overlap;
        } else {
            long offset = start - dma.iova;
            overlap = last - start + 1;
            dmaList.insert(dma.tail(offset + overlap));
            dma.size = offset;
        }
        pinning.unpin(dma, overlap);
        return overlap;
    }

    // ---- translation -------------------------------------------------------------------------

    /** {@return the container's IOMMU domain, which its groups are attached to} */
    IommuDomain domain() {
        return domain;
    }

    /** The domain's translation: the mapping holding the address, if it permits the access. */
    private Optional<IommuDomain.Translation> translate(long iova, DmaDirection direction) {
        synchronized (lock) {
            VfioDma dma = dmaList.containing(iova);
            if (dma == null || !dma.permits(direction)) {
                return Optional.empty();
            }
            long offset = iova - dma.iova;
            return Optional.of(new IommuDomain.Translation(dma.mm, dma.vaddr + offset, dma.size - offset));
        }
    }

    // ---- groups and release --------------------------------------------------------------------

    /**
     * {@code vfio_iommu_type1_attach_group}: the group's devices translate through this container's
     * domain.
     *
     * @throws KernelException EINVAL for a group already attached, or {@code iommu_attach_group}'s
     *     errno (EBUSY when another domain holds the group)
     */
    @Override
    public void attachGroup(IommuGroup group) throws KernelException {
        synchronized (lock) {
            if (groupList.contains(group)) {
                throw new KernelException(Errno.EINVAL, "vfio_iommu_type1: group " + group.id() + " already attached");
            }
            iommu.attachGroup(domain, group);
            groupList.add(group);
        }
    }

    /** {@code vfio_iommu_type1_detach_group}: silent for a group not attached. */
    @Override
    public void detachGroup(IommuGroup group) {
        synchronized (lock) {
            if (groupList.remove(group)) {
                iommu.detachGroup(domain, group);
            }
        }
    }

    /** {@code vfio_iommu_type1_release}: detaches every group, then unmaps and unpins everything. */
    @Override
    public void release() {
        synchronized (lock) {
            groupList.forEach(group -> iommu.detachGroup(domain, group));
            groupList.clear();
            for (VfioDma dma = dmaList.first(); dma != null; dma = dmaList.first()) {
                removeDmaOverlap(dma, dma.iova, dma.last());
            }
        }
    }

    /** {@return how many mappings the container holds} */
    int mappingCount() {
        synchronized (lock) {
            return dmaList.size();
        }
    }

    /** {@return the mappings as text, by IOVA} */
    @Override
    public List<String> mappings() {
        synchronized (lock) {
            return dmaList.describe();
        }
    }
}
