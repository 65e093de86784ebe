package org.devmodel.vfio.iommu.type1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.devmodel.vfio.iommu.type1.DmaUser.assertErrno;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_CHECK_EXTENSION;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_DMA_MAP_FLAG_READ;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_DMA_MAP_FLAG_WRITE;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_GROUP_SET_CONTAINER;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_GROUP_UNSET_CONTAINER;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IOMMU_GET_INFO;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_SET_IOMMU;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_TYPE1_IOMMU;
import static org.devmodel.vfio.uapi.VfioStructs.VFIO_IOMMU_TYPE1_INFO;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.devmodel.core.Errno;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.KernelOptions;
import org.devmodel.core.device.Bus;
import org.devmodel.core.device.BusMatcher;
import org.devmodel.core.device.Device;
import org.devmodel.core.fs.OpenFlags;
import org.devmodel.core.log.LogRecord;
import org.devmodel.core.mem.StructValue;
import org.devmodel.core.proc.Credentials;
import org.devmodel.core.proc.Task;
import org.devmodel.iommu.Iommu;
import org.devmodel.vfio.VfioRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The module through the real loader, and a container using it through vfio: {@code modprobe} with
 * parameters, the hardware switches of the command line, and Documentation/vfio.txt's sequence with
 * a DMA landing in the process's memory.
 */
class Type1ModuleTest {
    private static final String MODULE = "vfio_iommu_type1";
    private static final int GROUP = 26;
    private static final long PAGE = 4096;

    private Kernel kernel;

    @AfterEach
    void tearDown() {
        kernel.close();
    }

    private void boot(String commandLine) throws KernelException {
        kernel = Kernel.boot(KernelOptions.builder().commandLine(commandLine).indexedModules(Set.of(MODULE)).build());
    }

    /** A bus with one device in group {@value GROUP}, bound to the fixture VFIO bus driver. */
    private Device vfioDevice() throws KernelException {
        Iommu iommu = kernel.subsystem(Iommu.class).orElseThrow();
        Bus bus = kernel.devices().busRegister("type1test", BusMatcher.NONE);
        iommu.watchBus(bus);
        FixtureBusDriver driver = new FixtureBusDriver(kernel);
        kernel.devices().driverRegister(bus, driver);
        Device device = kernel.devices().deviceRegister(bus, "0000:06:0d.0", null);
        iommu.addDevice(iommu.group(GROUP), device);
        kernel.devices().setDriverOverride(device, driver.name());
        kernel.devices().bind(driver, device);
        return device;
    }

    /** Opens a container and the group, and puts the group in the container. {@return the two fds} */
    private int[] containerWithGroup(DmaUser user) throws KernelException {
        Task task = user.task();
        int container = task.syscalls().open("/dev/vfio/vfio", OpenFlags.O_RDWR);
        int group = task.syscalls().open("/dev/vfio/" + GROUP, OpenFlags.O_RDWR);
        task.memory().store(user.scratch(), Integer.BYTES, container);
        task.syscalls().ioctl(group, VFIO_GROUP_SET_CONTAINER, user.scratch());
        return new int[] {container, group};
    }

    private String sysfs(Task task, String path) throws KernelException {
        int fd = task.syscalls().open(path, OpenFlags.O_RDONLY);
        long buf = task.memory().mmap(PAGE);
        long n = task.syscalls().read(fd, buf, PAGE);
        task.syscalls().close(fd);
        return new String(task.memory().copyFromUser(buf, (int) n), StandardCharsets.UTF_8);
    }

    private List<String> log() {
        return kernel.log().records().stream().map(LogRecord::text).toList();
    }

    @Test
    void modprobeLoadsVfioFirst() throws KernelException {
        boot("");
        assertThat(kernel.modules().modprobe(MODULE, Map.of())).containsExactly("vfio", MODULE);
        assertThat(kernel.modules().find("vfio").orElseThrow().holders()).containsExactly(MODULE);
    }

    /**
     * v3.14 {@code mod_sysfs_setup}: each module's {@code MODULE_VERSION} as its {@code version}
     * file, and {@code add_usage_links} naming type1 under vfio's {@code holders/}.
     */
    @Test
    void sysfsShowsEachVersionAndVfioHeldByType1() throws KernelException {
        boot("");
        kernel.modules().modprobe(MODULE, Map.of());
        Task task = kernel.spawn(Credentials.ROOT);
        assertThat(sysfs(task, "/sys/module/vfio/version")).isEqualTo("0.3\n");
        assertThat(sysfs(task, "/sys/module/vfio_iommu_type1/version")).isEqualTo("0.2\n");
        assertThat(kernel.vfs().list("/sys/module/vfio/holders")).containsExactly(MODULE);
        assertThat(kernel.vfs().list("/sys/module/vfio_iommu_type1/holders")).isEmpty();
    }

    @Test
    void vfioExportsItsRegistryWhileLoaded() throws KernelException {
        boot("");
        assertThat(kernel.modules().exported(VfioRegistry.class)).isEmpty();
        kernel.modules().modprobe(MODULE, Map.of());
        // vfio's init asks for the backends without waiting: let those requests finish, or one would
        // load vfio_iommu_type1, and with it vfio, again after the rmmods below
        kernel.settle();
        assertThat(kernel.modules().exported(VfioRegistry.class)).containsSame(VfioRegistry.of(kernel));
        kernel.modules().rmmod(MODULE);
        kernel.modules().rmmod("vfio");
        assertThatThrownBy(() -> VfioRegistry.of(kernel)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void modinfoShowsTheModulesInfoAndParameters() throws KernelException {
        boot("");
        assertThat(kernel.modules().modinfo(MODULE))
                .contains("version:        0.2\n", "license:        GPL v2\n",
                        "description:    Type1 IOMMU driver for VFIO\n", "depends:        vfio\n",
                        "parm:           allow_unsafe_interrupts:Enable VFIO IOMMU support for on platforms without "
                                + "interrupt remapping support. (bool)\n",
                        "parm:           disable_hugepages:Disable VFIO IOMMU support for IOMMU hugepages. (bool)\n");
    }

    @Test
    void parametersDefaultToNAndAreSetByModprobe() throws KernelException {
        boot("");
        kernel.modules().modprobe(MODULE, Map.of("allow_unsafe_interrupts", "1"));
        Task task = kernel.spawn(Credentials.ROOT);
        assertThat(sysfs(task, "/sys/module/vfio_iommu_type1/parameters/allow_unsafe_interrupts")).isEqualTo("Y\n");
        assertThat(sysfs(task, "/sys/module/vfio_iommu_type1/parameters/disable_hugepages")).isEqualTo("N\n");
    }

    @Test
    void withoutAnIommuInitIsEnodev() throws KernelException {
        boot("intel_iommu=off");
        assertErrno(Errno.ENODEV, () -> kernel.modules().modprobe(MODULE, Map.of()));
        assertThat(kernel.modules().find(MODULE)).isEmpty();
        // so a container finds no backend for type1
        Task task = kernel.spawn(Credentials.ROOT);
        int container = task.syscalls().open("/dev/vfio/vfio", OpenFlags.O_RDWR);
        assertThat(task.syscalls().ioctl(container, VFIO_CHECK_EXTENSION, VFIO_TYPE1_IOMMU)).isZero();
    }

    @Test
    void withoutInterruptRemappingSetIommuIsEperm() throws KernelException {
        boot("intremap=off");
        kernel.modules().modprobe(MODULE, Map.of());
        vfioDevice();
        DmaUser user = new DmaUser(kernel.spawn(Credentials.ROOT), null);
        int container = containerWithGroup(user)[0];
        assertErrno(Errno.EPERM, () -> user.task().syscalls().ioctl(container, VFIO_SET_IOMMU, VFIO_TYPE1_IOMMU));
        assertThat(log()).contains("vfio_iommu_type1_open: No interrupt remapping support.  Use the module param "
                + "\"allow_unsafe_interrupts\" to enable VFIO IOMMU support on this platform");
        assertThat(kernel.modules().find(MODULE).orElseThrow().refcount()).isZero();
    }

    @Test
    void allowUnsafeInterruptsLetsSetIommuThrough() throws KernelException {
        boot("intremap=off");
        kernel.modules().modprobe(MODULE, Map.of("allow_unsafe_interrupts", "1"));
        vfioDevice();
        DmaUser user = new DmaUser(kernel.spawn(Credentials.ROOT), null);
        int container = containerWithGroup(user)[0];
        assertThat(user.task().syscalls().ioctl(container, VFIO_SET_IOMMU, VFIO_TYPE1_IOMMU)).isZero();
    }

    @Test
    void theDocumentedSequenceMapsMemoryForTheDevicesDma() throws KernelException {
        boot("");
        kernel.modules().modprobe(MODULE, Map.of());
        Device device = vfioDevice();
        Iommu iommu = kernel.subsystem(Iommu.class).orElseThrow();
        Task task = kernel.spawn(Credentials.ROOT);
        int[] fds = new int[1];
        DmaUser user = new DmaUser(task, (cmd, arg) -> task.syscalls().ioctl(fds[0], cmd, arg));
        int[] containerAndGroup = containerWithGroup(user);
        fds[0] = containerAndGroup[0];
        assertThat(user.ioctl(VFIO_CHECK_EXTENSION, VFIO_TYPE1_IOMMU)).isEqualTo(1);
        assertThat(user.ioctl(VFIO_SET_IOMMU, VFIO_TYPE1_IOMMU)).isZero();
        assertThat(kernel.modules().find(MODULE).orElseThrow().refcount()).isEqualTo(1);

        StructValue.of(VFIO_IOMMU_TYPE1_INFO).set("argsz", 16).copyToUser(task.memory(), user.scratch());
        user.ioctl(VFIO_IOMMU_GET_INFO, user.scratch());
        assertThat(StructValue.copyFromUser(task.memory(), user.scratch(), VFIO_IOMMU_TYPE1_INFO).get("iova_pgsizes"))
                .isEqualTo(0xffff_ffff_ffff_f000L);

        long buf = user.buffer(1);
        user.map(buf, 0x10000, PAGE, VFIO_DMA_MAP_FLAG_READ | VFIO_DMA_MAP_FLAG_WRITE);
        iommu.dmaWrite(device, 0x10800, "dma".getBytes(StandardCharsets.US_ASCII));
        assertThat(task.memory().copyFromUser(buf + 0x800, 3)).asString(StandardCharsets.US_ASCII).isEqualTo("dma");
        assertErrno(Errno.EFAULT, () -> iommu.dmaRead(device, 0x20000, 1));
        assertErrno(Errno.EAGAIN, () -> kernel.modules().rmmod(MODULE));

        assertThat(user.unmap(0x10000, PAGE)).isEqualTo(PAGE);
        assertErrno(Errno.EFAULT, () -> iommu.dmaRead(device, 0x10800, 1));

        // the last group leaving releases the backend and unpins its module
        user.map(buf, 0x10000, PAGE, VFIO_DMA_MAP_FLAG_READ);
        task.syscalls().ioctl(containerAndGroup[1], VFIO_GROUP_UNSET_CONTAINER, 0);
        assertErrno(Errno.EFAULT, () -> iommu.dmaRead(device, 0x10000, 1));
        assertThat(kernel.modules().find(MODULE).orElseThrow().refcount()).isZero();
        kernel.modules().rmmod(MODULE);
        assertThat(kernel.modules().find(MODULE)).isEmpty();
    }
}
