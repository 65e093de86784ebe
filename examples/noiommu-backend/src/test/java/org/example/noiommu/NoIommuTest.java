package org.example.noiommu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_CHECK_EXTENSION;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IOMMU_GET_INFO;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IOMMU_MAP_DMA;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IOMMU_UNMAP_DMA;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_SET_IOMMU;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_TYPE1_IOMMU;

import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.devmodel.core.Errno;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.KernelOptions;
import org.devmodel.testkit.vfio.VfioMachine;
import org.devmodel.testkit.vfio.VfioSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** What belongs to the noiommu backend alone: where it loads, and what a container of its type refuses. */
class NoIommuTest {
    private static final String MODULE = "vfio_noiommu";

    private static void assertErrno(Errno errno, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(KernelException.class,
                e -> assertThat(e.errno()).as(e.getMessage()).isEqualTo(errno));
    }

    @ParameterizedTest(name = "on \"{0}\" init answers ENODEV")
    @ValueSource(strings = {"", "pci.machine=power"})
    void aMachineWithAnIommuRefusesTheModule(String commandLine) throws KernelException {
        try (Kernel kernel = Kernel.boot(KernelOptions.builder().commandLine(commandLine)
                .indexedModules(Set.of("vfio", MODULE)).build())) {
            assertErrno(Errno.ENODEV, () -> kernel.modules().modprobe(MODULE, Map.of()));
            assertThat(kernel.modules().find(MODULE)).isEmpty();
            assertThat(kernel.modules().modinfo(MODULE)).contains("depends:        vfio");
        }
    }

    @Test
    void aContainerOfItsTypeAnswersOnlyCheckExtension() throws KernelException {
        try (VfioMachine machine = VfioMachine.boot(new NoIommuAdapter())) {
            assertThat(machine.kernel().log().dmesg()).contains("vfio_noiommu: devices in a vfio_noiommu container");
            VfioSession session = machine.open(VfioMachine.GROUP);
            assertThat(session.containerIoctl(VFIO_CHECK_EXTENSION, NoIommuUapi.VFIO_NOIOMMU_IOMMU)).isEqualTo(1);
            assertThat(session.containerIoctl(VFIO_CHECK_EXTENSION, VFIO_TYPE1_IOMMU)).isZero();
            session.setContainer();
            assertErrno(Errno.ENODEV, () -> session.containerIoctl(VFIO_SET_IOMMU, VFIO_TYPE1_IOMMU));
            session.containerIoctl(VFIO_SET_IOMMU, NoIommuUapi.VFIO_NOIOMMU_IOMMU);
            for (int cmd : new int[] {VFIO_IOMMU_GET_INFO, VFIO_IOMMU_MAP_DMA, VFIO_IOMMU_UNMAP_DMA}) {
                assertErrno(Errno.ENOTTY, () -> session.containerIoctl(cmd, 0));
            }
            assertThat(machine.kernel().modules().find(MODULE).orElseThrow().refcount()).as("pinned by the container").isEqualTo(1);
        }
    }
}
