package org.devmodel.vfio.iommu.spapr;

import org.devmodel.testkit.vfio.VfioBackendAdapter;
import org.devmodel.testkit.vfio.VfioBackendContract;

/** The VFIO backend contract over vfio_iommu_spapr_tce on the POWER platform. */
class SpaprContractTest extends VfioBackendContract {

    @Override
    protected VfioBackendAdapter adapter() {
        return new SpaprAdapter();
    }
}
