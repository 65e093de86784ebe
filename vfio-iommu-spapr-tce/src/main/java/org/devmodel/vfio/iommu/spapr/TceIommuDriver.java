package org.devmodel.vfio.iommu.spapr;

import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_SPAPR_TCE_IOMMU;

import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.log.KernelLog;
import org.devmodel.iommu.vfio.VfioIommu;
import org.devmodel.iommu.vfio.VfioIommuDriver;

/**
 * {@code tce_iommu_driver_ops}: what vfio asks before a container uses the backend, and
 * {@code open}, which starts it for one container. One per module load; its containers share the
 * locked-memory counts, since those belong to processes. Thread-safe.
 */
final class TceIommuDriver implements VfioIommuDriver {
    private final KernelLog log;
    private final LockedVm lockedVm;

    TceIommuDriver(KernelLog log) {
        this.log = log;
        this.lockedVm = new LockedVm(log);
    }

    /** {@return the locked-memory counts of the processes that enabled this driver's containers} */
    LockedVm lockedVm() {
        return lockedVm;
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
