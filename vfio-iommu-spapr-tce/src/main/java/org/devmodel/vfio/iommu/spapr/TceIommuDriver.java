package org.devmodel.vfio.iommu.spapr;

import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_SPAPR_TCE_IOMMU;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.log.KernelLog;
import org.devmodel.core.snapshot.SnapshotContributor;
import org.devmodel.iommu.vfio.VfioIommu;
import org.devmodel.iommu.vfio.VfioIommuDriver;

/**
 * {@code tce_iommu_driver_ops}: what vfio asks before a container uses the backend, and
 * {@code open}, which starts it for one container. One per module load; its containers share the
 * locked-memory counts, since those belong to processes. As a snapshot section it shows the
 * enabled containers' windows next to the locked pages, which must add up to them. Thread-safe.
 */
final class TceIommuDriver implements VfioIommuDriver, SnapshotContributor {
    private final KernelLog log;
    private final LockedVm lockedVm;
    /** Each enabled container with its window as the snapshot shows it. */
    private final Map<TceContainer, String> enabledWindows = new ConcurrentHashMap<>();

    TceIommuDriver(KernelLog log) {
        this.log = log;
        this.lockedVm = new LockedVm(log);
    }

    /** {@return the locked-memory counts of the processes that enabled this driver's containers} */
    LockedVm lockedVm() {
        return lockedVm;
    }

    /** Called by a container once it is enabled, with its window as the snapshot shows it. */
    void enabled(TceContainer container, String window) {
        enabledWindows.put(container, window);
    }

    /** Called by a container as it is disabled. */
    void disabled(TceContainer container) {
        enabledWindows.remove(container);
    }

    /** {@return {@code vfio_iommu_spapr_tce}} */
    @Override
    public String section() {
        return "vfio_iommu_spapr_tce";
    }

    /**
     * {@return e.g. {@code enabled window 0x0+0x80000000, 524288 pages} for each enabled container
     * (sorted), then {@code locked_vm 524288 pages} when any are locked}
     */
    @Override
    public List<String> entries() {
        List<String> entries = new ArrayList<>();
        enabledWindows.values().stream().sorted().forEach(window -> entries.add("enabled " + window));
        long locked = lockedVm.totalPages();
        if (locked != 0) {
            entries.add("locked_vm " + locked + " pages");
        }
        return entries;
    }

    /** {@return {@code iommu-vfio-powerpc}, the ops' name in v3.14} */
    @Override
    public String name() {
        return "iommu-vfio-powerpc";
    }

    /**
     * {@return 1 for {@code VFIO_SPAPR_TCE_IOMMU}, 0 for anything else}
     *
     * @param extension the extension
     */
    @Override
    public long checkExtension(long extension) {
        return extension == VFIO_SPAPR_TCE_IOMMU ? 1 : 0;
    }

    /**
     * {@code tce_iommu_open}.
     *
     * @throws KernelException EINVAL for another type
     */
    @Override
    public VfioIommu open(long type) throws KernelException {
        if (type != VFIO_SPAPR_TCE_IOMMU) {
            log.err("tce_vfio: Wrong IOMMU type");
            throw new KernelException(Errno.EINVAL, "tce_iommu_open: type " + type + " is not sPAPR TCE");
        }
        return new TceContainer(this, log, lockedVm);
    }
}
