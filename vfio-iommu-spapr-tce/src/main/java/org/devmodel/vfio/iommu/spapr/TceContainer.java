package org.devmodel.vfio.iommu.spapr;

import static org.devmodel.iommu.TceTable.IOMMU_PAGE_MASK_4K;
import static org.devmodel.iommu.TceTable.IOMMU_PAGE_SHIFT_4K;
import static org.devmodel.iommu.TceTable.IOMMU_PAGE_SIZE_4K;
import static org.devmodel.iommu.TceTable.TCE_PCI_READ;
import static org.devmodel.iommu.TceTable.TCE_PCI_WRITE;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_CHECK_EXTENSION;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_DMA_MAP_FLAG_READ;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_DMA_MAP_FLAG_WRITE;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IOMMU_DISABLE;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IOMMU_ENABLE;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IOMMU_MAP_DMA;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IOMMU_SPAPR_TCE_GET_INFO;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IOMMU_UNMAP_DMA;
import static org.devmodel.vfio.uapi.VfioStructs.VFIO_IOMMU_SPAPR_TCE_INFO;
import static org.devmodel.vfio.uapi.VfioStructs.VFIO_IOMMU_TYPE1_DMA_MAP;
import static org.devmodel.vfio.uapi.VfioStructs.VFIO_IOMMU_TYPE1_DMA_UNMAP;

import java.util.List;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.log.KernelLog;
import org.devmodel.core.mem.AddressSpace;
import org.devmodel.core.mem.StructValue;
import org.devmodel.core.proc.Task;
import org.devmodel.iommu.IommuGroup;
import org.devmodel.iommu.TceTable;
import org.devmodel.iommu.vfio.VfioIommu;

/**
 * {@code struct tce_container}: the backend's state for one container, which holds at most one
 * group (vfio gives the backend no group at open, so the table comes with the first attach), and
 * whether the user enabled it, which charged the whole window as locked memory. vfio calls it with
 * the container's lock held; its own {@code lock}, v3.14's {@code container->lock}, serialises
 * attach, detach, enable and disable. Maps and unmaps go straight to the table, which is thread-safe.
 */
final class TceContainer implements VfioIommu {
    private static final int PAGE_SHIFT = Long.numberOfTrailingZeros(AddressSpace.PAGE_SIZE);
    private static final long MAP_FLAGS = VFIO_DMA_MAP_FLAG_READ | VFIO_DMA_MAP_FLAG_WRITE;
    // Each minsz is offsetofend of the struct's last field, which is the struct's whole size here.
    private static final int INFO_MINSZ = VFIO_IOMMU_SPAPR_TCE_INFO.size();
    private static final int MAP_MINSZ = VFIO_IOMMU_TYPE1_DMA_MAP.size();
    private static final int UNMAP_MINSZ = VFIO_IOMMU_TYPE1_DMA_UNMAP.size();

    private final TceIommuDriver driver;
    private final KernelLog log;
    private final LockedVm lockedVm;
    private final Object lock = new Object();
    /** The table of the one group attached; guarded by {@link #lock}. */
    private TceTable tbl;
    /** Guarded by {@link #lock}. */
    private boolean enabled;
    /** The memory the window was charged to at enable; guarded by {@link #lock}. */
    private AddressSpace chargedMm;

    TceContainer(TceIommuDriver driver, KernelLog log, LockedVm lockedVm) {
        this.driver = driver;
        this.log = log;
        this.lockedVm = lockedVm;
    }

    // ---- enable and disable ----------------------------------------------------------------------

    /**
     * {@code tce_iommu_enable}: rather than account every page on the hot map and unmap paths, v3.14
     * charges the worst case, the whole window, to the enabling process once.
     */
    private void enable(Task current) throws KernelException {
        synchronized (lock) {
            if (tbl == null) {
                throw new KernelException(Errno.ENXIO, "tce_vfio: no group attached");
            }
            if (enabled) {
                throw new KernelException(Errno.EBUSY, "tce_vfio: enabled already");
            }
            lockedVm.charge(current, windowPages(tbl));
            enabled = true;
            chargedMm = current.memory();
            driver.enabled(this, String.format("window 0x%x+0x%x, %d pages", tbl.offset() << IOMMU_PAGE_SHIFT_4K,
                    tbl.size() << IOMMU_PAGE_SHIFT_4K, windowPages(tbl)));
        }
    }

    /**
     * {@code tce_iommu_disable}: silent when not enabled. The pages go back to the process charged at
     * enable, where v3.14 takes them from whichever process disables ({@code current->mm}).
     * Called with {@link #lock} held.
     */
    private void disable() {
        if (!enabled) {
            return;
        }
        enabled = false;
        driver.disabled(this);
        if (tbl != null) {
            lockedVm.uncharge(chargedMm, windowPages(tbl));
        }
        chargedMm = null;
    }

    /** {@return the window's size in pages of process memory} */
    private static long windowPages(TceTable table) {
        return (table.size() << IOMMU_PAGE_SHIFT_4K) >>> PAGE_SHIFT;
    }

    // ---- ioctls ----------------------------------------------------------------------------------

    /**
     * {@code tce_iommu_ioctl}.
     *
     * @throws KernelException ENOTTY for an ioctl it does not know, or the command's errno
     */
    @Override
    public long ioctl(Task current, int cmd, long arg) throws KernelException {
        switch (cmd) {
            case VFIO_CHECK_EXTENSION:
                return driver.checkExtension(arg);
            case VFIO_IOMMU_SPAPR_TCE_GET_INFO:
                return getInfo(current.memory(), arg);
            case VFIO_IOMMU_MAP_DMA:
                return mapDma(current.memory(), arg);
            case VFIO_IOMMU_UNMAP_DMA:
                return unmapDma(current.memory(), arg);
            case VFIO_IOMMU_ENABLE:
                enable(current);
                return 0;
            case VFIO_IOMMU_DISABLE:
                synchronized (lock) {
                    disable();
                }
                return 0;
            default:
                throw new KernelException(Errno.ENOTTY);
        }
    }

    /** The attached group's table; ENXIO without one, which vfio never lets happen while the backend is set. */
    private TceTable table() throws KernelException {
        synchronized (lock) {
            if (tbl == null) {
                throw new KernelException(Errno.ENXIO, "tce_vfio: no group attached");
            }
            return tbl;
        }
    }

    /**
     * {@code VFIO_IOMMU_SPAPR_TCE_GET_INFO}: the 32-bit window's start and size, flags 0, written as
     * the struct's u32 fields hold them.
     */
    private long getInfo(AddressSpace mm, long arg) throws KernelException {
        TceTable table = table();
        StructValue info = StructValue.copyPrefixFromUser(mm, arg, VFIO_IOMMU_SPAPR_TCE_INFO, INFO_MINSZ);
        if (info.get("argsz") < INFO_MINSZ) {
            throw new KernelException(Errno.EINVAL, "tce_vfio: GET_INFO argsz below " + INFO_MINSZ);
        }
        info.set("dma32_window_start", (table.offset() << IOMMU_PAGE_SHIFT_4K) & 0xffff_ffffL)
                .set("dma32_window_size", (table.size() << IOMMU_PAGE_SHIFT_4K) & 0xffff_ffffL)
                .set("flags", 0)
                .copyToUser(mm, arg, INFO_MINSZ);
        return 0;
    }

    /**
     * {@code VFIO_IOMMU_MAP_DMA}: the struct's checks, {@code iommu_tce_put_param_check} on the first
     * page only, then one TCE per page; a page that fails clears the ones put before it.
     */
    private long mapDma(AddressSpace mm, long arg) throws KernelException {
        TceTable table = table();
        StructValue param = StructValue.copyPrefixFromUser(mm, arg, VFIO_IOMMU_TYPE1_DMA_MAP, MAP_MINSZ);
        long flags = param.get("flags");
        long size = param.get("size");
        long vaddr = param.get("vaddr");
        long iova = param.get("iova");
        if (param.get("argsz") < MAP_MINSZ || (flags & ~MAP_FLAGS) != 0) {
            throw new KernelException(Errno.EINVAL, "tce_vfio: MAP_DMA argsz or flags");
        }
        if ((size & ~IOMMU_PAGE_MASK_4K) != 0 || (vaddr & ~IOMMU_PAGE_MASK_4K) != 0) {
            throw new KernelException(Errno.EINVAL, "tce_vfio: MAP_DMA size or vaddr not page-aligned");
        }
        long tce = vaddr | ((flags & VFIO_DMA_MAP_FLAG_READ) != 0 ? TCE_PCI_READ : 0)
                | ((flags & VFIO_DMA_MAP_FLAG_WRITE) != 0 ? TCE_PCI_WRITE : 0);
        table.putParamCheck(iova, tce);
        long first = iova >>> IOMMU_PAGE_SHIFT_4K;
        long pages = size >>> IOMMU_PAGE_SHIFT_4K;
        for (long i = 0; i < pages; i++, tce += IOMMU_PAGE_SIZE_4K) {
            try {
                table.putTceUserMode(mm, first + i, tce);
            } catch (KernelException e) {
                table.clearTcesAndPutPages(first, i);
                throw e;
            }
        }
        return 0;
    }

    /**
     * {@code VFIO_IOMMU_UNMAP_DMA}: clears every entry of the range, used or not; unlike type1's it
     * writes nothing back.
     */
    private long unmapDma(AddressSpace mm, long arg) throws KernelException {
        TceTable table = table();
        StructValue param = StructValue.copyPrefixFromUser(mm, arg, VFIO_IOMMU_TYPE1_DMA_UNMAP, UNMAP_MINSZ);
        long size = param.get("size");
        if (param.get("argsz") < UNMAP_MINSZ || param.get("flags") != 0) {
            throw new KernelException(Errno.EINVAL, "tce_vfio: UNMAP_DMA argsz or flags");
        }
        if ((size & ~IOMMU_PAGE_MASK_4K) != 0) {
            throw new KernelException(Errno.EINVAL, "tce_vfio: UNMAP_DMA size not page-aligned");
        }
        long iova = param.get("iova");
        table.clearParamCheck(iova, 0, size >>> IOMMU_PAGE_SHIFT_4K);
        table.clearTcesAndPutPages(iova >>> IOMMU_PAGE_SHIFT_4K, size >>> IOMMU_PAGE_SHIFT_4K);
        return 0;
    }

    // ---- groups and release ----------------------------------------------------------------------

    /** {@code iommu_group_get_iommudata}: every group of an sPAPR machine has a table ({@code BUG_ON} otherwise). */
    private static TceTable tableOf(IommuGroup group) {
        return group.tceTable().orElseThrow(() -> new IllegalStateException(
                "kernel BUG at drivers/vfio/vfio_iommu_spapr_tce.c: group " + group.id() + " has no TCE table"));
    }

    /**
     * {@code tce_iommu_attach_group}: the container takes the group's table from the kernel.
     *
     * @throws KernelException EBUSY when the container holds a group already (one per container) or
     *     is enabled, or {@code iommu_take_ownership}'s EBUSY
     */
    /** {@return the TCEs in use in the attached group's table, a page a line} */
    @Override
    public List<String> mappings() {
        synchronized (lock) {
            return tbl == null ? List.of() : tbl.mappings();
        }
    }

    @Override
    public void attachGroup(IommuGroup group) throws KernelException {
        TceTable table = tableOf(group);
        synchronized (lock) {
            if (tbl != null) {
                log.warn(String.format("tce_vfio: Only one group per IOMMU container is allowed, existing id=%d, "
                        + "attaching id=%d", tbl.group().id(), group.id()));
                throw new KernelException(Errno.EBUSY, "tce_vfio: one group per container");
            }
            if (enabled) {
                log.err("tce_vfio: attaching group #" + group.id() + " to enabled container");
                throw new KernelException(Errno.EBUSY, "tce_vfio: container enabled");
            }
            table.takeOwnership();
            tbl = table;
        }
    }

    /**
     * {@code tce_iommu_detach_group}: an enabled container is disabled first; the table goes back to
     * the kernel with every entry cleared. A group that is not the container's is only logged, with
     * its own id twice, as v3.14 prints it.
     */
    @Override
    public void detachGroup(IommuGroup group) {
        TceTable table = tableOf(group);
        synchronized (lock) {
            if (table != tbl) {
                log.warn(String.format("tce_vfio: detaching group #%d, expected group is #%d", group.id(),
                        table.group().id()));
                return;
            }
            if (enabled) {
                log.warn("tce_vfio: detaching group #" + group.id() + " from enabled container, forcing disable");
                disable();
            }
            tbl = null;
            table.releaseOwnership();
        }
    }

    /** {@code tce_iommu_release}: disables, then detaches the group if one is left. */
    @Override
    public void release() {
        TceTable left;
        synchronized (lock) {
            disable();
            left = tbl;
        }
        if (left != null) {
            detachGroup(left.group());
        }
    }
}
