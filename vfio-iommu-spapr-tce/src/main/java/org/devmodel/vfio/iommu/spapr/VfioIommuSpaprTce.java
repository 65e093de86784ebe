package org.devmodel.vfio.iommu.spapr;

import org.devmodel.core.Errno;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.module.KernelModule;
import org.devmodel.core.module.KernelModuleInfo;
import org.devmodel.core.module.ModuleContext;
import org.devmodel.iommu.Iommu;
import org.devmodel.iommu.IommuModel;
import org.devmodel.vfio.VfioRegistry;

/**
 * The kernel module {@code vfio_iommu_spapr_tce}: {@code init} registers the sPAPR TCE backend with
 * vfio, {@code exit} unregisters it. It depends on vfio (its JPMS module requires vfio's), so the
 * loader loads vfio first, and vfio's own {@code init} asks for this module.
 */
@KernelModuleInfo(name = "vfio_iommu_spapr_tce", version = VfioIommuSpaprTce.DRIVER_VERSION,
        description = VfioIommuSpaprTce.DRIVER_DESC, author = VfioIommuSpaprTce.DRIVER_AUTHOR, license = "GPL v2")
public final class VfioIommuSpaprTce implements KernelModule {
    /** {@code DRIVER_VERSION}. */
    static final String DRIVER_VERSION = "0.1";
    /** {@code DRIVER_DESC}. */
    static final String DRIVER_DESC = "VFIO IOMMU SPAPR TCE";
    /** {@code DRIVER_AUTHOR}. */
    static final String DRIVER_AUTHOR = "aik@ozlabs.ru";

    private VfioRegistry vfio;
    private TceIommuDriver driver;
    private Kernel kernel;

    /** Creates the module; the loader makes one per load. */
    public VfioIommuSpaprTce() {
        // state is made by init
    }

    /**
     * {@code tce_iommu_init}. v3.14 builds this module for POWER only ({@code depends on
     * SPAPR_TCE_IOMMU}); on a machine without TCE tables devmodel's copy exists but its init answers
     * ENODEV, which is why vfio's {@code request_module_nowait} of it fails silently on x86.
     *
     * @throws KernelException ENODEV on a machine that is not sPAPR, or
     *     {@code vfio_register_iommu_driver}'s errno
     */
    @Override
    public void init(ModuleContext context) throws KernelException {
        Iommu iommu = context.kernel().subsystem(Iommu.class)
                .orElseThrow(() -> new KernelException(Errno.ENODEV, "vfio_iommu_spapr_tce: no iommu core in this kernel"));
        if (iommu.model() != IommuModel.SPAPR_TCE) {
            throw new KernelException(Errno.ENODEV, "vfio_iommu_spapr_tce: no TCE tables on this machine");
        }
        vfio = context.dependency(VfioRegistry.class);
        driver = new TceIommuDriver(context.log());
        vfio.registerIommuDriver(driver);
        kernel = context.kernel();
        kernel.addSnapshotContributor(driver);
    }

    /** {@code tce_iommu_cleanup}: containers using the backend pin this module, so none is left. */
    @Override
    public void exit() {
        kernel.removeSnapshotContributor(driver);
        vfio.unregisterIommuDriver(driver);
    }
}
