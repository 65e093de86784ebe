package org.devmodel.it.vfio;

import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_TYPE1_IOMMU;

import java.nio.file.Path;
import java.util.Optional;
import org.devmodel.testkit.vfio.DmaWindow;
import org.devmodel.testkit.vfio.VfioBackendAdapter;
import org.devmodel.testkit.vfio.VfioBackendContract;
import org.devmodel.testkit.vfio.VfioSession;

/**
 * The VFIO backend contract over the fixture backend, a jar in a modules directory as a third-party
 * backend would be: it has no mappings, so the DMA tests are skipped and the rest applies.
 */
class FixtureBackendContractTest extends VfioBackendContract {

    @Override
    protected VfioBackendAdapter adapter() {
        return new VfioBackendAdapter() {
            @Override
            public String moduleName() {
                return "vfio_iommu_type1";
            }

            @Override
            public Optional<Path> modulesDirectory() {
                return Optional.of(Path.of(System.getProperty("devmodel.vfio.modules")));
            }

            @Override
            public long iommuType() {
                return VFIO_TYPE1_IOMMU;
            }

            @Override
            public Optional<DmaWindow> usableWindow(VfioSession session) {
                return Optional.empty();
            }
        };
    }
}
