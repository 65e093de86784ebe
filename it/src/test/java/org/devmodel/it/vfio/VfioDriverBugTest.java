package org.devmodel.it.vfio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.devmodel.core.Errno;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.OpenFlags;
import org.devmodel.core.proc.Credentials;
import org.devmodel.core.proc.Mman;
import org.devmodel.core.proc.Syscalls;
import org.devmodel.core.proc.Task;
import org.devmodel.core.snapshot.KernelSnapshot;
import org.devmodel.vfio.uapi.VfioIoctls;
import org.junit.jupiter.api.Test;

/**
 * A Java exception thrown inside the fixture backend's or the fixture bus driver's ioctl, both
 * loaded from jars of their own: vfio passes the call through the driver gate, so the log blames
 * the module whose code threw (not vfio), the caller gets EIO and nothing is left behind.
 */
class VfioDriverBugTest {
    private static final int GROUP = VfioFixtureModulesTest.GROUP;
    /** {@code _IO(';', 0x7f)}: the fixtures' ioctl whose handler throws. */
    private static final int FIXTURE_BUG = (';' << 8) | 0x7f;

    @Test
    void aBugInTheBackendOrTheBusDriverIsEioBlamedOnItsModule() throws Exception {
        try (Kernel kernel = VfioFixtureModulesTest.bootWithFixtureDevice()) {
            KernelSnapshot before = kernel.snapshot();
            kernel.modules().modprobe("vfio_fixture_bus", Map.of());
            kernel.settle();

            Task task = kernel.spawn(Credentials.ROOT);
            Syscalls sys = task.syscalls();
            long arg = sys.mmap(4096, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS, -1, 0);
            int container = sys.open("/dev/vfio/vfio", OpenFlags.O_RDWR);
            int group = sys.open("/dev/vfio/" + GROUP, OpenFlags.O_RDWR);
            task.memory().store(arg, 4, container);
            sys.ioctl(group, VfioIoctls.VFIO_GROUP_SET_CONTAINER, arg);
            sys.ioctl(container, VfioIoctls.VFIO_SET_IOMMU, VfioIoctls.VFIO_TYPE1_IOMMU);
            task.memory().copyToUser(arg, "dev0\0".getBytes(StandardCharsets.US_ASCII));
            int deviceFd = (int) sys.ioctl(group, VfioIoctls.VFIO_GROUP_GET_DEVICE_FD, arg);

            assertEio(() -> sys.ioctl(container, FIXTURE_BUG, 0));
            assertThat(kernel.log().dmesg())
                    .contains("BUG: vfio_iommu_type1: ioctl threw java.lang.IllegalStateException: fixture bug in the backend")
                    .doesNotContain("BUG: vfio:");
            assertEio(() -> sys.ioctl(deviceFd, FIXTURE_BUG, 0));
            assertThat(kernel.log().dmesg())
                    .contains("BUG: vfio_fixture_bus: ioctl threw java.lang.IllegalStateException: fixture bug in the bus driver")
                    .doesNotContain("BUG: vfio:");
            // The files still work after the bug.
            assertThat(sys.ioctl(container, VfioIoctls.VFIO_GET_API_VERSION, 0)).isZero();

            sys.close(deviceFd);
            sys.close(group);
            sys.close(container);
            kernel.exit(task);
            kernel.modules().rmmod("vfio_fixture_bus");
            kernel.modules().rmmod("vfio_iommu_type1");
            kernel.modules().rmmod("vfio");
            assertThat(kernel.snapshot()).isEqualTo(before);
        }
    }

    private static void assertEio(Syscall call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(KernelException.class,
                e -> assertThat(e.errno()).isEqualTo(Errno.EIO));
    }

    @FunctionalInterface
    private interface Syscall {
        void run() throws KernelException;
    }
}
