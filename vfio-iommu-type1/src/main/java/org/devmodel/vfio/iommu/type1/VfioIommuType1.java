package org.devmodel.vfio.iommu.type1;

import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.module.KernelModule;
import org.devmodel.core.module.KernelModuleInfo;
import org.devmodel.core.module.KernelModuleInfo.Param;
import org.devmodel.core.module.KernelModuleInfo.ParamType;
import org.devmodel.core.module.ModuleContext;
import org.devmodel.iommu.Iommu;
import org.devmodel.vfio.VfioRegistry;

/**
 * The kernel module {@code vfio_iommu_type1}: {@code init} registers the type1 backend with vfio,
 * {@code exit} unregisters it. It depends on vfio (its JPMS module requires vfio's), so the loader
 * loads vfio first, and vfio's own {@code init} asks for this module.
 *
 * <p>{@code disable_hugepages} is declared so that {@code modprobe} accepts it and sysfs shows it,
 * as on v3.14, but it changes nothing here: it only makes v3.14 pin one page per chunk instead of
 * runs of physically contiguous pages, and since chunks that abut are coalesced into one
 * {@code vfio_dma} the result a user can see is the same, and devmodel's memory has no physical
 * contiguity to exploit.
 */
@KernelModuleInfo(name = "vfio_iommu_type1", version = VfioIommuType1.DRIVER_VERSION,
        description = VfioIommuType1.DRIVER_DESC, author = VfioIommuType1.DRIVER_AUTHOR, license = "GPL v2",
        parameters = {
            @Param(name = Type1Driver.ALLOW_UNSAFE_INTERRUPTS, type = ParamType.BOOL, defaultValue = "N",
                    description = "Enable VFIO IOMMU support for on platforms without interrupt remapping support."),
            @Param(name = "disable_hugepages", type = ParamType.BOOL, defaultValue = "N",
                    description = "Disable VFIO IOMMU support for IOMMU hugepages.")
        })
public final class VfioIommuType1 implements KernelModule {
    /** {@code DRIVER_VERSION}. */
    static final String DRIVER_VERSION = "0.2";
    /** {@code DRIVER_DESC}. */
    static final String DRIVER_DESC = "Type1 IOMMU driver for VFIO";
    /** {@code DRIVER_AUTHOR}. */
    static final String DRIVER_AUTHOR = "Alex Williamson <alex.williamson@redhat.com>";

    private VfioRegistry vfio;
    private Type1Driver driver;

    /** Creates the module; the loader makes one per load. */
    public VfioIommuType1() {
        // state is made by init
    }

    /**
     * {@code vfio_iommu_type1_init}: without an IOMMU on the PCI bus ({@code intel_iommu=off}) there
     * is nothing to drive, which is why vfio's {@code request_module_nowait} of this module may fail
     * silently.
     *
     * @throws KernelException ENODEV without an IOMMU core or an IOMMU, or
     *     {@code vfio_register_iommu_driver}'s errno
     */
    @Override
    public void init(ModuleContext context) throws KernelException {
        Iommu iommu = context.kernel().subsystem(Iommu.class)
                .orElseThrow(() -> new KernelException(Errno.ENODEV, "vfio_iommu_type1: no iommu core in this kernel"));
        if (!iommu.present()) {
            throw new KernelException(Errno.ENODEV, "vfio_iommu_type1: no IOMMU on the PCI bus");
        }
        vfio = context.dependency(VfioRegistry.class);
        driver = new Type1Driver(iommu, context.log(), context.parameters());
        vfio.registerIommuDriver(driver);
    }

    /** {@code vfio_iommu_type1_cleanup}: containers using the backend pin this module, so none is left. */
    @Override
    public void exit() {
        vfio.unregisterIommuDriver(driver);
    }
}
