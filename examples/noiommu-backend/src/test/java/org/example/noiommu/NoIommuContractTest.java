package org.example.noiommu;

import org.devmodel.testkit.vfio.VfioBackendAdapter;
import org.devmodel.testkit.vfio.VfioBackendContract;

/** vfio's promises hold over the noiommu backend; the DMA tests are skipped, it has no mappings. */
class NoIommuContractTest extends VfioBackendContract {
    @Override
    protected VfioBackendAdapter adapter() {
        return new NoIommuAdapter();
    }
}
