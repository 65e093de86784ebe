package org.devmodel.vfio.iommu.type1;

import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_TYPE1_IOMMU;

import java.util.Optional;
import org.devmodel.testkit.vfio.DmaWindow;
import org.devmodel.testkit.vfio.VfioBackendAdapter;
import org.devmodel.testkit.vfio.VfioBackendContract;
import org.devmodel.testkit.vfio.VfioSession;

/** The VFIO backend contract over type1 on the default x86 platform. */
class Type1ContractTest extends VfioBackendContract {

    @Override
    protected VfioBackendAdapter adapter() {
        return new VfioBackendAdapter() {
            @Override
            public String moduleName() {
                return "vfio_iommu_type1";
            }

            @Override
            public long iommuType() {
                return VFIO_TYPE1_IOMMU;
            }

            /** type1 maps any IOVA; the contract's buffers go at 1 MiB. */
            @Override
            public Optional<DmaWindow> usableWindow(VfioSession session) {
                return Optional.of(new DmaWindow(0x10_0000, 0x10_0000));
            }
        };
    }
}
