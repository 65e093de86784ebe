package org.example.noiommu;

import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.module.KernelModule;
import org.devmodel.core.module.KernelModuleInfo;
import org.devmodel.core.module.ModuleContext;
import org.devmodel.core.proc.Task;
import org.devmodel.iommu.Iommu;
import org.devmodel.iommu.IommuGroup;
import org.devmodel.iommu.IommuModel;
import org.devmodel.iommu.vfio.VfioIommu;
import org.devmodel.iommu.vfio.VfioIommuDriver;
import org.devmodel.vfio.VfioRegistry;

/**
 * The kernel module {@code vfio_noiommu}: the backend {@code vfio-noiommu} of Linux 4.5's
 * {@code vfio.c}, as a module of its own. On a machine without an IOMMU ({@code intel_iommu=off})
 * a device has no translation to set up, so a container of type {@link NoIommuUapi#VFIO_NOIOMMU_IOMMU}
 * accepts any group and answers every ioctl but {@code VFIO_CHECK_EXTENSION} ENOTTY: there is
 * nothing to map, and userspace must give its devices bus addresses itself.
 *
 * <p>Where a machine has an IOMMU (domains on x86, TCE tables on POWER) the module refuses to load
 * with ENODEV, as {@code vfio_iommu_type1} does without one: a backend that skips the IOMMU there
 * would hand userspace a device that can DMA anywhere.
 */
@KernelModuleInfo(name = "vfio_noiommu", version = "0.1", license = "GPL v2",
        description = "VFIO IOMMU backend for machines without an IOMMU (no translation, no isolation)")
public final class NoIommu implements KernelModule, VfioIommuDriver {
    private VfioRegistry vfio;

    /**
     * Registers the backend with vfio.
     *
     * @throws KernelException ENODEV on a machine with an IOMMU, or vfio's errno
     */
    @Override
    public void init(ModuleContext context) throws KernelException {
        Iommu iommu = context.kernel().subsystem(Iommu.class)
                .orElseThrow(() -> new KernelException(Errno.ENODEV, "vfio_noiommu: no iommu core in this kernel"));
        if (iommu.present() || iommu.model() != IommuModel.DOMAINS) {
            throw new KernelException(Errno.ENODEV, "vfio_noiommu: this machine has an IOMMU; use its backend");
        }
        vfio = context.dependency(VfioRegistry.class);
        vfio.registerIommuDriver(this);
        context.log().warn("vfio_noiommu: devices in a vfio_noiommu container DMA untranslated and unisolated");
    }

    @Override
    public void exit() {
        vfio.unregisterIommuDriver(this);
    }

    @Override
    public String name() {
        return "vfio-noiommu";
    }

    @Override
    public long checkExtension(long extension) {
        return extension == NoIommuUapi.VFIO_NOIOMMU_IOMMU ? 1 : 0;
    }

    /** {@code vfio_noiommu_open}: another type is EINVAL, as for every backend. */
    @Override
    public VfioIommu open(long type) throws KernelException {
        if (type != NoIommuUapi.VFIO_NOIOMMU_IOMMU) {
            throw new KernelException(Errno.EINVAL);
        }
        return new Container();
    }

    /** A container's state: none, since there is no translation to keep. */
    private static final class Container implements VfioIommu {

        /** {@code vfio_noiommu_ioctl}: no {@code GET_INFO}, {@code MAP_DMA} or {@code UNMAP_DMA}. */
        @Override
        public long ioctl(Task current, int cmd, long arg) throws KernelException {
            throw new KernelException(Errno.ENOTTY);
        }

        @Override
        public void attachGroup(IommuGroup group) {
            // nothing to program: the group's devices reach memory directly
        }

        @Override
        public void detachGroup(IommuGroup group) {
            // nothing was programmed
        }

        @Override
        public void release() {
            // no mappings
        }
    }
}
