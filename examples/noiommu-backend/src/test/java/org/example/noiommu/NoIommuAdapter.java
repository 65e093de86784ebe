package org.example.noiommu;

import java.util.Optional;
import org.devmodel.testkit.vfio.DmaWindow;
import org.devmodel.testkit.vfio.VfioBackendAdapter;
import org.devmodel.testkit.vfio.VfioSession;

/** The noiommu backend for the contract: an x86 machine booted without its IOMMU, nothing to map. */
final class NoIommuAdapter implements VfioBackendAdapter {

    @Override
    public String moduleName() {
        return "vfio_noiommu";
    }

    @Override
    public String commandLine() {
        return "intel_iommu=off";
    }

    @Override
    public boolean requestedByVfio() {
        return false;
    }

    @Override
    public long iommuType() {
        return NoIommuUapi.VFIO_NOIOMMU_IOMMU;
    }

    @Override
    public Optional<DmaWindow> usableWindow(VfioSession session) {
        return Optional.empty();
    }
}
