package org.devmodel.vfio.iommu.type1;

import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_TYPE1_IOMMU;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.log.KernelLog;
import org.devmodel.core.module.ModuleParameters;
import org.devmodel.core.snapshot.SnapshotContributor;
import org.devmodel.iommu.Iommu;
import org.devmodel.iommu.vfio.VfioIommu;
import org.devmodel.iommu.vfio.VfioIommuDriver;

/**
 * {@code vfio_iommu_driver_ops_type1}: what vfio asks before a container uses the backend, and
 * {@code open}, which starts it for one container. One per module load; its containers share the
 * locked-page counts, since those belong to processes, not containers. Its snapshot section lists
 * every open container's mappings and the pages counted as locked, so a leak of either shows in a
 * snapshot diff. Thread-safe.
 */
final class Type1Driver implements VfioIommuDriver, SnapshotContributor {
    /** The module parameter read by {@link #open}. */
    static final String ALLOW_UNSAFE_INTERRUPTS = "allow_unsafe_interrupts";

    private final Iommu iommu;
    private final KernelLog log;
    private final ModuleParameters parameters;
    private final PagePinning pinning;
    /** The open containers' states, each with a number for the snapshot. */
    private final Map<Type1Iommu, Long> containers = new ConcurrentHashMap<>();
    private final AtomicLong opened = new AtomicLong();

    Type1Driver(Iommu iommu, KernelLog log, ModuleParameters parameters) {
        this.iommu = iommu;
        this.log = log;
        this.parameters = parameters;
        this.pinning = new PagePinning(log);
    }

    /** {@return the locked-page counts of the processes using this driver's containers} */
    PagePinning pinning() {
        return pinning;
    }

    /** {@return {@code vfio-iommu-type1}} */
    @Override
    public String name() {
        return "vfio-iommu-type1";
    }

    /**
     * {@return 1 for {@code VFIO_TYPE1_IOMMU}, 0 for anything else}
     *
     * @param extension the extension
     */
    @Override
    public long checkExtension(long extension) {
        return extension == VFIO_TYPE1_IOMMU ? 1 : 0;
    }

    /**
     * {@code vfio_iommu_type1_open}. The parameter is read here, not at load, because it is writable
     * in sysfs (mode 0644) and v3.14 reads the variable on every open.
     *
     * @throws KernelException EINVAL for another type; EPERM without interrupt remapping
     *     ({@code intremap=off}) unless {@code allow_unsafe_interrupts} is set, since a device could
     *     then raise arbitrary interrupts on the host
     */
    @Override
    public VfioIommu open(long type) throws KernelException {
        if (type != VFIO_TYPE1_IOMMU) {
            throw new KernelException(Errno.EINVAL, "vfio_iommu_type1_open: type " + type + " is not type1");
        }
        if (!parameters.bool(ALLOW_UNSAFE_INTERRUPTS) && !iommu.interruptRemapping()) {
            log.warn("vfio_iommu_type1_open: No interrupt remapping support.  Use the module param "
                    + "\"allow_unsafe_interrupts\" to enable VFIO IOMMU support on this platform");
            throw new KernelException(Errno.EPERM);
        }
        Type1Iommu container = new Type1Iommu(this, iommu, pinning);
        containers.put(container, opened.incrementAndGet());
        return container;
    }

    /**
     * A container's backend state was released.
     *
     * @param container the state {@link #open} made
     */
    void released(Type1Iommu container) {
        containers.remove(container);
    }

    /** {@return {@code vfio_iommu_type1}} */
    @Override
    public String section() {
        return "vfio_iommu_type1";
    }

    /**
     * {@return e.g. {@code container 1: 0x10000+0x1000 -> 0x7f0000000000 rw} for each mapping (the
     * number is the container's, counted from the module's load), then {@code locked_vm 1 pages}}
     */
    @Override
    public List<String> entries() {
        List<String> entries = new ArrayList<>();
        containers.forEach((container, number) -> container.mappings()
                .forEach(dma -> entries.add("container " + number + ": " + dma)));
        long locked = pinning.lockedPages();
        if (locked != 0) {
            entries.add("locked_vm " + locked + " pages");
        }
        return entries;
    }
}
