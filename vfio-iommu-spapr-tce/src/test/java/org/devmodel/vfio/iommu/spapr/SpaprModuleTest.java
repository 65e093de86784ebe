package org.devmodel.vfio.iommu.spapr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.devmodel.core.Errno;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.KernelOptions;
import org.junit.jupiter.api.Test;

/** The module through the real loader: it loads on the POWER platform only, where vfio's request finds it. */
class SpaprModuleTest {
    private static final String MODULE = "vfio_iommu_spapr_tce";

    private static Kernel boot(String commandLine) throws KernelException {
        return Kernel.boot(KernelOptions.builder().commandLine(commandLine).indexedModules(Set.of("vfio", MODULE)).build());
    }

    @Test
    void onX86InitAnswersEnodevAndVfiosRequestLeavesItUnloaded() throws KernelException {
        try (Kernel kernel = boot("")) {
            assertThatThrownBy(() -> kernel.modules().modprobe(MODULE, Map.of())).isInstanceOfSatisfying(
                    KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENODEV));
            kernel.modules().modprobe("vfio", Map.of());
            kernel.settle();
            assertThat(kernel.modules().find(MODULE)).isEmpty();
            assertThat(kernel.modules().modinfo(MODULE)).contains("description:    VFIO IOMMU SPAPR TCE")
                    .contains("version:        0.1").contains("depends:        vfio");
        }
    }

    @Test
    void onPowerVfiosInitLoadsIt() throws KernelException {
        try (Kernel kernel = boot("pci.machine=power")) {
            kernel.modules().modprobe("vfio", Map.of());
            kernel.settle();
            assertThat(kernel.modules().find(MODULE)).hasValueSatisfying(m -> assertThat(m.refcount()).isZero());
            assertThat(kernel.modules().find("vfio").orElseThrow().holders()).containsExactly(MODULE);
        }
    }
}
