package org.devmodel.vfio.iommu.type1;

import org.devmodel.core.mem.AddressSpace;
import org.devmodel.iommu.DmaDirection;

/**
 * {@code struct vfio_dma}: one mapping of a container, a range of I/O virtual addresses onto pinned
 * user memory with the device's permissions. Mutable as the kernel's is: coalescing grows it, a
 * partial unmap trims it. Guarded by its container's lock.
 *
 * <p>Kept to six small fields (about 48 bytes, plus the tree's entry and key), because a container
 * may hold a million of them. Unlike v3.14's it records the process memory it pins, since devmodel's
 * IOMMU translates to a process's address space rather than to physical pages, and whether that
 * memory is reserved (a device region, {@code VM_PFNMAP}), which is never counted as locked.
 */
final class VfioDma {
    /** {@code IOMMU_READ}: the device may read. */
    static final byte IOMMU_READ = 1;
    /** {@code IOMMU_WRITE}: the device may write. */
    static final byte IOMMU_WRITE = 2;

    long iova;
    long vaddr;
    long size;
    final AddressSpace mm;
    final byte prot;
    final boolean reserved;

    VfioDma(long iova, long vaddr, long size, AddressSpace mm, byte prot, boolean reserved) {
        this.iova = iova;
        this.vaddr = vaddr;
        this.size = size;
        this.mm = mm;
        this.prot = prot;
        this.reserved = reserved;
    }

    /** {@return the last I/O virtual address covered; never wraps, unlike the end} */
    long last() {
        return iova + size - 1;
    }

    /**
     * {@return whether {@code above}, which starts where this ends in IOVA, can be merged into this:
     * same permissions and memory, and contiguous user addresses (v3.14's rule)}
     *
     * @param above the mapping right above
     */
    boolean abuts(VfioDma above) {
        return prot == above.prot && mm == above.mm && reserved == above.reserved && vaddr + size == above.vaddr;
    }

    /**
     * {@return whether the permissions allow an access}
     *
     * @param direction the device's access
     */
    boolean permits(DmaDirection direction) {
        return (prot & (direction == DmaDirection.READ ? IOMMU_READ : IOMMU_WRITE)) != 0;
    }

    /**
     * {@return a new mapping for the part of this one from an offset on, with the same permissions}
     *
     * @param offset bytes from {@link #iova}, inside the mapping
     */
    VfioDma tail(long offset) {
        return new VfioDma(iova + offset, vaddr + offset, size - offset, mm, prot, reserved);
    }

    /** {@return e.g. {@code 0x10000+0x2000 -> 0x7f0000000000 rw}} */
    @Override
    public String toString() {
        return "0x" + Long.toHexString(iova) + "+0x" + Long.toHexString(size) + " -> 0x" + Long.toHexString(vaddr)
                + " " + ((prot & IOMMU_READ) != 0 ? "r" : "-") + ((prot & IOMMU_WRITE) != 0 ? "w" : "-")
                + (reserved ? " reserved" : "");
    }
}
