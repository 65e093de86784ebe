package org.devmodel.it.vfio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devmodel.testkit.KernelAssertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.KernelOptions;
import org.devmodel.core.device.Bus;
import org.devmodel.core.device.Device;
import org.devmodel.core.fs.OpenFlags;
import org.devmodel.core.mem.StructValue;
import org.devmodel.core.proc.Credentials;
import org.devmodel.core.proc.Mman;
import org.devmodel.core.proc.Task;
import org.devmodel.iommu.Iommu;
import org.devmodel.vfio.uapi.VfioIoctls;
import org.devmodel.vfio.uapi.VfioStructs;
import org.junit.jupiter.api.Test;

/**
 * The canonical sequence of Documentation/vfio.txt with a fixture bus driver and a fixture backend
 * that are kernel modules in jars of their own, loaded by the real loader from a modules directory.
 */
class VfioFixtureModulesTest {
    static final int GROUP = 26;

    /** {@return a kernel over the fixtures' modules directory, with the device dev0 of the bus vfiotest in group 26} */
    static Kernel bootWithFixtureDevice() throws KernelException {
        Kernel kernel = Kernel.boot(KernelOptions.builder()
                .modulesDirectory(Path.of(System.getProperty("devmodel.vfio.modules"))).build());
        Bus bus = kernel.devices().busRegister("vfiotest", (device, driver) -> true);
        Device device = kernel.devices().deviceRegister(bus, "dev0", null);
        Iommu iommu = kernel.subsystem(Iommu.class).orElseThrow();
        iommu.watchBus(bus);
        iommu.addDevice(iommu.group(GROUP), device);
        return kernel;
    }

    @Test
    void theCanonicalSequenceRunsOnTheFixtureBusDriverAndBackendModules() throws Exception {
        try (Kernel kernel = bootWithFixtureDevice()) {
            assertThat(kernel.modules().modprobe("vfio_fixture_bus", Map.of()))
                    .containsExactly("vfio", "vfio_fixture_bus");
            kernel.settle();
            assertThat(kernel).hasNode("/dev/vfio/" + GROUP).hasMode(0600);
            assertThat(kernel).hasModule("vfio_iommu_type1").live();

            Task task = kernel.spawn(Credentials.ROOT);
            long arg = task.syscalls().mmap(4096, Mman.PROT_READ | Mman.PROT_WRITE,
                    Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS, -1, 0);
            int container = task.syscalls().open("/dev/vfio/vfio", OpenFlags.O_RDWR);
            assertThat(task.syscalls().ioctl(container, VfioIoctls.VFIO_GET_API_VERSION, 0)).isZero();
            assertThat(task.syscalls().ioctl(container, VfioIoctls.VFIO_CHECK_EXTENSION, VfioIoctls.VFIO_TYPE1_IOMMU))
                    .isEqualTo(1);
            int group = task.syscalls().open("/dev/vfio/" + GROUP, OpenFlags.O_RDWR);
            StructValue.of(VfioStructs.VFIO_GROUP_STATUS).set("argsz", 8).copyToUser(task.memory(), arg);
            task.syscalls().ioctl(group, VfioIoctls.VFIO_GROUP_GET_STATUS, arg);
            assertThat(StructValue.copyFromUser(task.memory(), arg, VfioStructs.VFIO_GROUP_STATUS).get("flags"))
                    .isEqualTo(VfioIoctls.VFIO_GROUP_FLAGS_VIABLE);
            task.memory().store(arg, 4, container);
            task.syscalls().ioctl(group, VfioIoctls.VFIO_GROUP_SET_CONTAINER, arg);
            task.syscalls().ioctl(container, VfioIoctls.VFIO_SET_IOMMU, VfioIoctls.VFIO_TYPE1_IOMMU);
            task.memory().copyToUser(arg, "dev0\0".getBytes(StandardCharsets.US_ASCII));
            int deviceFd = (int) task.syscalls().ioctl(group, VfioIoctls.VFIO_GROUP_GET_DEVICE_FD, arg);
            assertThat(deviceFd).isEqualTo(5);
            assertThat(kernel).hasModule("vfio").withRefcount(5);

            task.syscalls().close(deviceFd);
            task.syscalls().close(group);
            task.syscalls().close(container);
            kernel.modules().rmmod("vfio_fixture_bus");
            kernel.modules().rmmod("vfio_iommu_type1");
            kernel.modules().rmmod("vfio");
            assertThat(kernel.modules().loaded()).isEmpty();
            assertThat(kernel.vfs().exists("/dev/vfio/" + GROUP)).isFalse();
        }
    }
}
