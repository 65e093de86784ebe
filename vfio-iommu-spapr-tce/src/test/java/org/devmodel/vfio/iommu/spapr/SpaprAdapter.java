package org.devmodel.vfio.iommu.spapr;

import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IOMMU_ENABLE;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IOMMU_SPAPR_TCE_GET_INFO;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_SPAPR_TCE_IOMMU;
import static org.devmodel.vfio.uapi.VfioStructs.VFIO_IOMMU_SPAPR_TCE_INFO;

import java.util.Optional;
import org.devmodel.core.KernelException;
import org.devmodel.core.mem.StructValue;
import org.devmodel.testkit.vfio.DmaWindow;
import org.devmodel.testkit.vfio.VfioBackendAdapter;
import org.devmodel.testkit.vfio.VfioSession;

/** The sPAPR backend for the contract: the POWER platform, ENABLE after SET_IOMMU, the window GET_INFO gives. */
final class SpaprAdapter implements VfioBackendAdapter {

    @Override
    public String moduleName() {
        return "vfio_iommu_spapr_tce";
    }

    @Override
    public String commandLine() {
        return "pci.machine=power";
    }

    @Override
    public long iommuType() {
        return VFIO_SPAPR_TCE_IOMMU;
    }

    @Override
    public void setUp(VfioSession session) throws KernelException {
        session.containerIoctl(VFIO_IOMMU_ENABLE, 0);
    }

    @Override
    public Optional<DmaWindow> usableWindow(VfioSession session) throws KernelException {
        long at = session.place(StructValue.of(VFIO_IOMMU_SPAPR_TCE_INFO).set("argsz", VFIO_IOMMU_SPAPR_TCE_INFO.size()));
        session.containerIoctl(VFIO_IOMMU_SPAPR_TCE_GET_INFO, at);
        StructValue info = session.placed(VFIO_IOMMU_SPAPR_TCE_INFO);
        return Optional.of(new DmaWindow(info.get("dma32_window_start"), info.get("dma32_window_size")));
    }
}
