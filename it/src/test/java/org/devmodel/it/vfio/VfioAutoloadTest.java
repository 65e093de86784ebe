package org.devmodel.it.vfio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.devmodel.testkit.KernelAssertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.devmodel.core.Errno;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.KernelOptions;
import org.devmodel.core.fs.OpenFlags;
import org.devmodel.core.proc.Credentials;
import org.devmodel.core.proc.Task;
import org.devmodel.testkit.InitFaultTest;
import org.devmodel.vfio.uapi.VfioIoctls;
import org.junit.jupiter.api.Test;

/**
 * The seed's story through the real loader: {@code /dev/vfio/vfio} exists before vfio is loaded,
 * opening it loads vfio, whose init asks for {@code vfio_iommu_type1} (here a fixture backend of that
 * name in the modules directory), and rmmod refuses while a container is open or a module depends on
 * vfio.
 */
class VfioAutoloadTest {

    private static Kernel boot() throws KernelException {
        return Kernel.boot(KernelOptions.builder()
                .modulesDirectory(Path.of(System.getProperty("devmodel.vfio.modules"))).build());
    }

    private static Errno errnoOf(Runnable7 call) {
        try {
            call.run();
        } catch (KernelException e) {
            return e.errno();
        }
        throw new AssertionError("expected a KernelException");
    }

    @FunctionalInterface
    private interface Runnable7 {
        void run() throws KernelException;
    }

    @Test
    void theStaticNodeExistsBeforeVfioAndOpeningItLoadsVfioAndItsBackend() throws Exception {
        try (Kernel kernel = boot()) {
            assertThat(kernel.vfs().readText("/lib/modules/3.14.0-devmodel/modules.devname"))
                    .contains("vfio vfio/vfio c10:196\n");
            assertThat(kernel).hasNode("/dev/vfio/vfio").isCharDevice(10, 196).hasMode(0600).isStatic();
            assertThat(kernel.modules().find("vfio")).isEmpty();
            assertThat(errnoOf(() -> kernel.modules().rmmod("vfio"))).isEqualTo(Errno.ENOENT);

            Task task = kernel.spawn(Credentials.ROOT);
            int container = task.syscalls().open("/dev/vfio/vfio", OpenFlags.O_RDWR);
            assertThat(task.syscalls().ioctl(container, VfioIoctls.VFIO_GET_API_VERSION, 0)).isZero();
            kernel.settle();
            assertThat(kernel).hasModule("vfio").live().withRefcount(2);
            assertThat(kernel).hasModule("vfio_iommu_type1").live();
            assertThat(kernel).hasNode("/dev/vfio/vfio").hasMode(0666).isStatic();
            assertThat(task.syscalls().ioctl(container, VfioIoctls.VFIO_CHECK_EXTENSION, VfioIoctls.VFIO_TYPE1_IOMMU))
                    .isEqualTo(1);

            assertThat(kernel.modules().find("vfio").orElseThrow().holders()).containsExactly("vfio_iommu_type1");
            assertThat(errnoOf(() -> kernel.modules().rmmod("vfio"))).isEqualTo(Errno.EAGAIN);
            kernel.modules().rmmod("vfio_iommu_type1");
            assertThat(errnoOf(() -> kernel.modules().rmmod("vfio"))).as("the container holds vfio")
                    .isEqualTo(Errno.EAGAIN);
            task.syscalls().close(container);
            kernel.modules().rmmod("vfio");
            assertThat(kernel).hasNode("/dev/vfio/vfio").isCharDevice(10, 196).isStatic();

            int again = task.syscalls().open("/dev/vfio/vfio", OpenFlags.O_RDWR);
            assertThat(kernel).hasModule("vfio").live();
            task.syscalls().close(again);
        }
    }

    @Test
    void modprobeOfTheBackendLoadsVfioFirstAndTheNowaitRequestDoesNotDeadlock() throws Exception {
        try (Kernel kernel = boot()) {
            assertThat(kernel.modules().modprobe("vfio_iommu_type1", Map.of()))
                    .containsExactly("vfio", "vfio_iommu_type1");
            kernel.settle();
            assertThat(kernel).hasModule("vfio").live().withRefcount(1);
            assertThat(kernel.vfs().readText("/lib/modules/3.14.0-devmodel/modules.dep"))
                    .contains("devmodel-fixture-vfio-backend.jar: boot/org.devmodel.vfio\n");
        }
    }

    @InitFaultTest(module = "vfio")
    void vfioUnwindsEveryInitFailure(Kernel kernel) {
        assertThat(kernel).hasNode("/dev/vfio/vfio").isCharDevice(10, 196).isStatic();
    }
}
