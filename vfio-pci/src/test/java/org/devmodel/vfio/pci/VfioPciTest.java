package org.devmodel.vfio.pci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.devmodel.vfio.uapi.VfioIoctls.*;
import static org.devmodel.vfio.uapi.VfioStructs.VFIO_DEVICE_INFO;
import static org.devmodel.vfio.uapi.VfioStructs.VFIO_IRQ_INFO;
import static org.devmodel.vfio.uapi.VfioStructs.VFIO_IRQ_SET;
import static org.devmodel.vfio.uapi.VfioStructs.VFIO_REGION_INFO;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.devmodel.core.Errno;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.EventFdFlags;
import org.devmodel.core.fs.OpenFlags;
import org.devmodel.core.mem.StructValue;
import org.devmodel.core.proc.Credentials;
import org.devmodel.core.proc.Mman;
import org.devmodel.core.proc.Syscalls;
import org.devmodel.core.proc.Task;
import org.devmodel.pci.Pci;
import org.devmodel.pci.PciFunction;
import org.devmodel.pci.PciRegs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * vfio-pci on the default platform's edu at 0000:00:03.0 (IOMMU group 3), driven as a userspace
 * driver would: modprobe, bind, container and group, device fd.
 */
class VfioPciTest {
    private static final String EDU = "0000:00:03.0";
    private static final long CONFIG = VfioPci.indexToOffset(VFIO_PCI_CONFIG_REGION_INDEX);
    private static final int EDU_IDENTIFICATION = 0x010000ed;
    private static final int EDU_FACTORIAL = 0x08;
    private static final int EDU_STATUS = 0x20;
    private static final int EDU_IRQ_STATUS = 0x24;
    private static final int EDU_IRQ_RAISE = 0x60;
    private static final int EDU_IRQ_ACK = 0x64;
    private static final int EDU_STATUS_IRQFACT = 0x80;
    /** QEMU's edu (and devmodel's) MSI capability right after the header. */
    private static final int MSI_CAP = 0x40;

    private Kernel kernel;
    private Task task;
    private Syscalls sys;
    private long buf;
    private int container;
    private int group;
    private int device;

    @BeforeEach
    void setUp() throws KernelException {
        kernel = Kernel.boot();
        task = kernel.spawn(Credentials.ROOT);
        sys = task.syscalls();
        buf = sys.mmap(Mman.PAGE_SIZE, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS, -1, 0);
        kernel.modules().modprobe("vfio-pci", Map.of());
        kernel.settle(); // vfio's init asked for vfio_iommu_type1: here the fixture backend module
        pci().setDriverOverride(EDU, "vfio-pci");
        pci().bind("vfio-pci", EDU);
        container = sys.open("/dev/vfio/vfio", OpenFlags.O_RDWR);
        group = sys.open("/dev/vfio/3", OpenFlags.O_RDWR);
        task.memory().store(buf, 4, container);
        sys.ioctl(group, VFIO_GROUP_SET_CONTAINER, buf);
        sys.ioctl(container, VFIO_SET_IOMMU, VFIO_TYPE1_IOMMU);
        task.memory().copyToUser(buf, (EDU + "\0").getBytes(StandardCharsets.US_ASCII));
        device = (int) sys.ioctl(group, VFIO_GROUP_GET_DEVICE_FD, buf);
    }

    @AfterEach
    void shutDown() {
        kernel.close();
    }

    private Pci pci() {
        return kernel.subsystem(Pci.class).orElseThrow();
    }

    private PciFunction edu() {
        return pci().function(EDU).orElseThrow();
    }

    private static Errno errnoOf(ThrowingCall call) {
        Throwable thrown = catchThrowable(call::run);
        assertThat(thrown).isInstanceOf(KernelException.class);
        return ((KernelException) thrown).errno();
    }

    @FunctionalInterface
    private interface ThrowingCall {
        void run() throws Exception;
    }

    // ---- helpers: a user's view --------------------------------------------------------------------

    private StructValue ioctlStruct(int cmd, StructValue in) throws KernelException {
        in.copyToUser(task.memory(), buf);
        sys.ioctl(device, cmd, buf);
        return StructValue.copyFromUser(task.memory(), buf, in.layout());
    }

    private StructValue regionInfo(int index) throws KernelException {
        return ioctlStruct(VFIO_DEVICE_GET_REGION_INFO,
                StructValue.of(VFIO_REGION_INFO).set("argsz", VFIO_REGION_INFO.size()).set("index", index));
    }

    private StructValue irqInfo(int index) throws KernelException {
        return ioctlStruct(VFIO_DEVICE_GET_IRQ_INFO,
                StructValue.of(VFIO_IRQ_INFO).set("argsz", VFIO_IRQ_INFO.size()).set("index", index));
    }

    /** SET_IRQS with s32 eventfds (DATA_EVENTFD), bytes (DATA_BOOL) or nothing (DATA_NONE). */
    private long setIrqs(int flags, int index, int start, int count, int... data) throws KernelException {
        boolean fds = (flags & VFIO_IRQ_SET_DATA_EVENTFD) != 0;
        int size = fds ? 4 : (flags & VFIO_IRQ_SET_DATA_BOOL) != 0 ? 1 : 0;
        StructValue.of(VFIO_IRQ_SET).set("argsz", VFIO_IRQ_SET.size() + (long) size * data.length)
                .set("flags", flags).set("index", index).set("start", start).set("count", count)
                .copyToUser(task.memory(), buf);
        for (int i = 0; i < data.length; i++) {
            task.memory().store(buf + VFIO_IRQ_SET.size() + (long) size * i, size, data[i]);
        }
        return sys.ioctl(device, VFIO_DEVICE_SET_IRQS, buf);
    }

    private long pread(int size, long offset) throws KernelException {
        assertThat(sys.pread(device, buf, size, offset)).isEqualTo(size);
        return task.memory().load(buf, size);
    }

    private void pwrite(int size, long offset, long value) throws KernelException {
        task.memory().store(buf, size, value);
        assertThat(sys.pwrite(device, buf, size, offset)).isEqualTo(size);
    }

    private long counter(int eventfd) throws KernelException {
        long at = buf + 512;
        try {
            sys.read(eventfd, at, 8);
        } catch (KernelException e) {
            assertThat(e.errno()).isEqualTo(Errno.EAGAIN);
            return 0;
        }
        return task.memory().load(at, 8);
    }

    // ---- binding and the device fd -------------------------------------------------------------

    @Test
    void bindingCreatesTheGroupNodeAndTheDriverDirectoryLivesWithTheModule() throws KernelException {
        assertThat(kernel.vfs().exists("/dev/vfio/3")).isTrue();
        assertThat(kernel.vfs().exists("/sys/bus/pci/drivers/vfio-pci")).isTrue();
        assertThat(edu().config().memoryEnabled()).as("probe enables memory decoding").isTrue();
        assertThat(edu().config().busMaster()).as("but not bus mastering").isFalse();

        sys.close(device);
        sys.close(group);
        sys.close(container);
        kernel.modules().rmmod("vfio_pci");
        assertThat(kernel.vfs().exists("/sys/bus/pci/drivers/vfio-pci")).isFalse();
        assertThat(errnoOf(() -> pci().bind("vfio-pci", EDU))).isEqualTo(Errno.ENOENT);
    }

    @Test
    void getInfoAnswersPciWithoutResetNineRegionsFourIrqs() throws KernelException {
        StructValue info = ioctlStruct(VFIO_DEVICE_GET_INFO, StructValue.of(VFIO_DEVICE_INFO).set("argsz", 16));

        assertThat(info.get("flags")).isEqualTo(VFIO_DEVICE_FLAGS_PCI);
        assertThat(info.get("num_regions")).isEqualTo(9);
        assertThat(info.get("num_irqs")).isEqualTo(4);
        StructValue.of(VFIO_DEVICE_INFO).set("argsz", 15).copyToUser(task.memory(), buf);
        assertThat(errnoOf(() -> sys.ioctl(device, VFIO_DEVICE_GET_INFO, buf))).isEqualTo(Errno.EINVAL);
        assertThat(errnoOf(() -> sys.ioctl(device, VFIO_DEVICE_RESET, 0))).isEqualTo(Errno.EINVAL);
        assertThat(errnoOf(() -> sys.ioctl(device, VFIO_GET_API_VERSION, 0))).isEqualTo(Errno.ENOTTY);
    }

    @Test
    void regionInfoFollowsV314() throws KernelException {
        StructValue bar0 = regionInfo(VFIO_PCI_BAR0_REGION_INDEX);
        assertThat(bar0.get("flags")).isEqualTo(VFIO_REGION_INFO_FLAG_READ | VFIO_REGION_INFO_FLAG_WRITE
                | VFIO_REGION_INFO_FLAG_MMAP);
        assertThat(bar0.get("size")).isEqualTo(1 << 20);
        assertThat(bar0.get("offset")).isZero();

        StructValue config = regionInfo(VFIO_PCI_CONFIG_REGION_INDEX);
        assertThat(config.get("flags")).isEqualTo(VFIO_REGION_INFO_FLAG_READ | VFIO_REGION_INFO_FLAG_WRITE);
        assertThat(config.get("size")).isEqualTo(256);
        assertThat(config.get("offset")).isEqualTo(7L << 40);

        for (int index = VFIO_PCI_BAR1_REGION_INDEX; index <= VFIO_PCI_ROM_REGION_INDEX; index++) {
            StructValue absent = regionInfo(index);
            assertThat(absent.get("flags")).as("region %d", index).isZero();
            assertThat(absent.get("size")).as("region %d", index).isZero();
            assertThat(absent.get("offset")).as("region %d", index).isEqualTo((long) index << 40);
        }
        assertThat(errnoOf(() -> regionInfo(VFIO_PCI_VGA_REGION_INDEX))).isEqualTo(Errno.EINVAL);
        assertThat(errnoOf(() -> regionInfo(9))).isEqualTo(Errno.EINVAL);
    }

    @Test
    void irqInfoFollowsV314() throws KernelException {
        StructValue intx = irqInfo(VFIO_PCI_INTX_IRQ_INDEX);
        assertThat(intx.get("flags")).isEqualTo(VFIO_IRQ_INFO_EVENTFD | VFIO_IRQ_INFO_MASKABLE | VFIO_IRQ_INFO_AUTOMASKED);
        assertThat(intx.get("count")).isEqualTo(1);
        StructValue msi = irqInfo(VFIO_PCI_MSI_IRQ_INDEX);
        assertThat(msi.get("flags")).isEqualTo(VFIO_IRQ_INFO_EVENTFD | VFIO_IRQ_INFO_NORESIZE);
        assertThat(msi.get("count")).isEqualTo(1);
        StructValue msix = irqInfo(VFIO_PCI_MSIX_IRQ_INDEX);
        assertThat(msix.get("flags")).isEqualTo(VFIO_IRQ_INFO_EVENTFD | VFIO_IRQ_INFO_NORESIZE);
        assertThat(msix.get("count")).isZero();
        assertThat(errnoOf(() -> irqInfo(VFIO_PCI_ERR_IRQ_INDEX))).as("edu is no PCIe function").isEqualTo(Errno.EINVAL);
        assertThat(errnoOf(() -> irqInfo(4))).isEqualTo(Errno.EINVAL);
    }

    // ---- regions -------------------------------------------------------------------------------

    @Test
    void bar0ReadsTheEduIdentificationThroughPreadAndMmap() throws KernelException {
        assertThat(pread(4, 0)).isEqualTo(EDU_IDENTIFICATION);

        long map = sys.mmap(1 << 20, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_SHARED, device, 0);
        assertThat(task.memory().load(map, 4)).isEqualTo(EDU_IDENTIFICATION);
        task.memory().store(map + 4, 4, 0x12345678L);
        assertThat(pread(4, 4)).as("liveness: the inverse of what was written").isEqualTo(~0x12345678L & 0xffffffffL);
        sys.munmap(map, 1 << 20);

        assertThat(errnoOf(() -> sys.pread(device, buf, 4, 1 << 20))).as("past BAR0").isEqualTo(Errno.EINVAL);
        assertThat(errnoOf(() -> sys.pread(device, buf, 4, VfioPci.indexToOffset(1)))).isEqualTo(Errno.EINVAL);
        assertThat(errnoOf(() -> sys.mmap(4096, Mman.PROT_READ, Mman.MAP_SHARED, device, VfioPci.indexToOffset(7))))
                .isEqualTo(Errno.EINVAL);
        assertThat(errnoOf(() -> sys.mmap(2 << 20, Mman.PROT_READ, Mman.MAP_SHARED, device, 0))).isEqualTo(Errno.EINVAL);
        assertThat(errnoOf(() -> sys.mmap(4096, Mman.PROT_READ, Mman.MAP_PRIVATE, device, 0)))
                .as("a private mapping of device memory").isEqualTo(Errno.EINVAL);
    }

    @Test
    void configSpaceReadsTheHeaderAndSizesBarsOnTheVirtualCopy() throws KernelException {
        assertThat(pread(4, CONFIG)).isEqualTo(0x11e8_1234L);
        assertThat(pread(1, CONFIG + PciRegs.INTERRUPT_PIN)).isEqualTo(1);

        pwrite(4, CONFIG + PciRegs.BASE_ADDRESS_0, 0xffffffffL);
        pwrite(4, CONFIG + PciRegs.BASE_ADDRESS_0 + 4, 0xffffffffL);
        assertThat(pread(4, CONFIG + PciRegs.BASE_ADDRESS_0)).as("1 MiB 32-bit memory BAR").isEqualTo(0xfff00000L);
        assertThat(pread(4, CONFIG + PciRegs.BASE_ADDRESS_0 + 4)).as("BAR1 is not implemented").isZero();
        assertThat(edu().config().read(PciRegs.BASE_ADDRESS_0, 4)).as("the real BAR is untouched").isZero();

        pwrite(4, CONFIG + PciRegs.BASE_ADDRESS_0, 0xfe000000L);
        assertThat(pread(4, CONFIG + PciRegs.BASE_ADDRESS_0)).isEqualTo(0xfe000000L);
        assertThat(sys.pread(device, buf, 64, CONFIG)).as("a large read goes by dwords").isEqualTo(64);
        assertThat(errnoOf(() -> sys.pread(device, buf, 4, CONFIG + 254))).isEqualTo(Errno.EFAULT);
    }

    @Test
    void commandPassesThroughExceptIntxDisable() throws KernelException {
        pwrite(2, CONFIG + PciRegs.COMMAND, PciRegs.COMMAND_MEMORY | PciRegs.COMMAND_MASTER | PciRegs.COMMAND_INTX_DISABLE);

        assertThat(edu().config().busMaster()).isTrue();
        assertThat(pread(2, CONFIG + PciRegs.COMMAND))
                .isEqualTo(PciRegs.COMMAND_MEMORY | PciRegs.COMMAND_MASTER | PciRegs.COMMAND_INTX_DISABLE);
        // no INTx is set up, so the real bit just follows the virtual one
        assertThat(edu().config().command() & PciRegs.COMMAND_INTX_DISABLE).isNotZero();
        pwrite(2, CONFIG + PciRegs.COMMAND, PciRegs.COMMAND_MEMORY);
        assertThat(edu().config().command()).isEqualTo(PciRegs.COMMAND_MEMORY);
    }

    /**
     * v3.14 {@code vfio_config_do_rw}: a byte outside every capability takes {@code unassigned_perms},
     * raw reads and writes of the function's byte, and edu keeps what is written there (QEMU's
     * {@code pci_init_wmask}); the two bytes past MSI's data, which {@code vfio_msi_cap_len} still
     * counts to the capability, read through and drop writes. The cache line size is
     * {@code NO_VIRT, ALL_WRITE} in {@code init_pci_cap_basic_perm}.
     */
    @Test
    void bytesOutsideEveryCapabilityPassThroughRaw() throws KernelException {
        pwrite(4, CONFIG + 0x50, 0x1234_5678L);
        pwrite(1, CONFIG + 0xff, 0xa5);
        assertThat(pread(4, CONFIG + 0x50)).isEqualTo(0x1234_5678L);
        assertThat(edu().config().read(0x50, 4)).as("the function's bytes").isEqualTo(0x1234_5678);
        assertThat(pread(1, CONFIG + 0xff)).isEqualTo(0xa5);

        edu().config().write(0x4e, 2, 0xbeef);
        pwrite(2, CONFIG + 0x4e, 0x1111);
        assertThat(pread(2, CONFIG + 0x4e)).as("read through, write dropped").isEqualTo(0xbeef);

        pwrite(1, CONFIG + PciRegs.CACHE_LINE_SIZE, 0x10);
        assertThat(edu().config().read(PciRegs.CACHE_LINE_SIZE, 1)).isEqualTo(0x10);
    }

    // ---- interrupts ----------------------------------------------------------------------------

    @Test
    void msiCapabilityKeepsItsEnableBitOnlyWhileSetIrqsEnabledMsi() throws KernelException {
        int flagsAt = MSI_CAP + PciRegs.MSI_FLAGS;
        pwrite(2, CONFIG + flagsAt, PciRegs.MSI_FLAGS_ENABLE);
        assertThat(pread(2, CONFIG + flagsAt) & PciRegs.MSI_FLAGS_ENABLE).as("before SET_IRQS").isZero();

        int efd = sys.eventfd(0, EventFdFlags.EFD_NONBLOCK);
        setIrqs(VFIO_IRQ_SET_DATA_EVENTFD | VFIO_IRQ_SET_ACTION_TRIGGER, VFIO_PCI_MSI_IRQ_INDEX, 0, 1, efd);
        assertThat(edu().config().msiEnabled()).as("the real capability").isTrue();
        pwrite(2, CONFIG + flagsAt, PciRegs.MSI_FLAGS_ENABLE | 0x70);
        assertThat(pread(2, CONFIG + flagsAt) & (PciRegs.MSI_FLAGS_ENABLE | PciRegs.MSI_FLAGS_QSIZE))
                .as("enable kept, a queue size beyond the capability falls back to what was enabled")
                .isEqualTo(PciRegs.MSI_FLAGS_ENABLE);
        assertThat(pread(1, CONFIG + MSI_CAP)).isEqualTo(PciRegs.CAP_ID_MSI);

        setIrqs(VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_ACTION_TRIGGER, VFIO_PCI_MSI_IRQ_INDEX, 0, 0);
        assertThat(edu().config().msiEnabled()).isFalse();
        pwrite(2, CONFIG + flagsAt, PciRegs.MSI_FLAGS_ENABLE);
        assertThat(pread(2, CONFIG + flagsAt) & PciRegs.MSI_FLAGS_ENABLE).as("after disabling").isZero();
    }

    @Test
    void factorialRaisesMsiOnTheEventfd() throws KernelException {
        int efd = sys.eventfd(0, EventFdFlags.EFD_NONBLOCK);
        setIrqs(VFIO_IRQ_SET_DATA_EVENTFD | VFIO_IRQ_SET_ACTION_TRIGGER, VFIO_PCI_MSI_IRQ_INDEX, 0, 1, efd);
        pwrite(2, CONFIG + PciRegs.COMMAND, PciRegs.COMMAND_MEMORY | PciRegs.COMMAND_MASTER);

        pwrite(4, EDU_STATUS, EDU_STATUS_IRQFACT);
        pwrite(4, EDU_FACTORIAL, 5);
        assertThat(counter(efd)).as("the factorial takes 1 ms of device time").isZero();
        kernel.clock().advance(Duration.ofMillis(1));

        assertThat(counter(efd)).isEqualTo(1);
        assertThat(pread(4, EDU_FACTORIAL)).isEqualTo(120);
        setIrqs(VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_ACTION_TRIGGER, VFIO_PCI_MSI_IRQ_INDEX, 0, 1);
        assertThat(counter(efd)).as("loopback trigger").isEqualTo(1);
    }

    @Test
    void intxIsAutomaskedUntilUnmaskedThroughSetIrqs() throws KernelException {
        int efd = sys.eventfd(0, EventFdFlags.EFD_NONBLOCK);
        setIrqs(VFIO_IRQ_SET_DATA_EVENTFD | VFIO_IRQ_SET_ACTION_TRIGGER, VFIO_PCI_INTX_IRQ_INDEX, 0, 1, efd);

        pwrite(4, EDU_IRQ_RAISE, 1);
        assertThat(counter(efd)).isEqualTo(1);
        assertThat(edu().config().command() & PciRegs.COMMAND_INTX_DISABLE).as("masked in the real COMMAND").isNotZero();
        assertThat(pread(2, CONFIG + PciRegs.COMMAND) & PciRegs.COMMAND_INTX_DISABLE).as("not in the user's").isZero();

        setIrqs(VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_ACTION_UNMASK, VFIO_PCI_INTX_IRQ_INDEX, 0, 1);
        assertThat(counter(efd)).as("still asserted: stays masked and is re-sent").isEqualTo(1);

        pwrite(4, EDU_IRQ_ACK, 1);
        assertThat(pread(4, EDU_IRQ_STATUS)).isZero();
        setIrqs(VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_ACTION_UNMASK, VFIO_PCI_INTX_IRQ_INDEX, 0, 1);
        assertThat(edu().config().command() & PciRegs.COMMAND_INTX_DISABLE).isZero();
        assertThat(counter(efd)).isZero();

        setIrqs(VFIO_IRQ_SET_DATA_BOOL | VFIO_IRQ_SET_ACTION_MASK, VFIO_PCI_INTX_IRQ_INDEX, 0, 1, 1);
        pwrite(4, EDU_IRQ_RAISE, 1);
        assertThat(counter(efd)).as("masked through SET_IRQS").isZero();
        pwrite(4, EDU_IRQ_ACK, 1);
        setIrqs(VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_ACTION_TRIGGER, VFIO_PCI_INTX_IRQ_INDEX, 0, 0);
        assertThat(errnoOf(() -> setIrqs(VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_ACTION_UNMASK,
                VFIO_PCI_INTX_IRQ_INDEX, 0, 1))).as("INTx disabled").isEqualTo(Errno.EINVAL);
    }

    @Test
    void intxIsMaskedThroughCommand() throws KernelException {
        int efd = sys.eventfd(0, EventFdFlags.EFD_NONBLOCK);
        setIrqs(VFIO_IRQ_SET_DATA_EVENTFD | VFIO_IRQ_SET_ACTION_TRIGGER, VFIO_PCI_INTX_IRQ_INDEX, 0, 1, efd);

        pwrite(2, CONFIG + PciRegs.COMMAND, PciRegs.COMMAND_MEMORY | PciRegs.COMMAND_INTX_DISABLE);
        pwrite(4, EDU_IRQ_RAISE, 1);
        assertThat(counter(efd)).isZero();

        pwrite(2, CONFIG + PciRegs.COMMAND, PciRegs.COMMAND_MEMORY);
        assertThat(counter(efd)).as("the pending interrupt arrives once INTx is enabled again").isEqualTo(1);
    }

    @Test
    void setIrqsChecksItsArguments() throws KernelException {
        int efd = sys.eventfd(0, 0);
        assertThat(errnoOf(() -> setIrqs(VFIO_IRQ_SET_DATA_EVENTFD | VFIO_IRQ_SET_ACTION_TRIGGER,
                VFIO_PCI_MSI_IRQ_INDEX, 0, 2, efd, efd))).isEqualTo(Errno.EINVAL);
        assertThat(errnoOf(() -> setIrqs(VFIO_IRQ_SET_DATA_EVENTFD | VFIO_IRQ_SET_ACTION_TRIGGER,
                VFIO_PCI_MSI_IRQ_INDEX, 0, 1, 99))).isEqualTo(Errno.EBADF);
        assertThat(errnoOf(() -> setIrqs(VFIO_IRQ_SET_DATA_EVENTFD | VFIO_IRQ_SET_ACTION_TRIGGER,
                VFIO_PCI_MSI_IRQ_INDEX, 0, 1, container))).isEqualTo(Errno.EINVAL);
        assertThat(edu().config().msiEnabled()).as("a failed enable is undone").isFalse();
        assertThat(errnoOf(() -> setIrqs(VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_ACTION_MASK,
                VFIO_PCI_MSI_IRQ_INDEX, 0, 1))).isEqualTo(Errno.ENOTTY);
        assertThat(errnoOf(() -> setIrqs(1 << 6 | VFIO_IRQ_SET_ACTION_TRIGGER, VFIO_PCI_MSI_IRQ_INDEX, 0, 0)))
                .isEqualTo(Errno.EINVAL);

        setIrqs(VFIO_IRQ_SET_DATA_EVENTFD | VFIO_IRQ_SET_ACTION_TRIGGER, VFIO_PCI_INTX_IRQ_INDEX, 0, 1, efd);
        assertThat(errnoOf(() -> setIrqs(VFIO_IRQ_SET_DATA_EVENTFD | VFIO_IRQ_SET_ACTION_TRIGGER,
                VFIO_PCI_MSI_IRQ_INDEX, 0, 1, efd))).as("INTx in use").isEqualTo(Errno.EINVAL);
    }

    // ---- lifetime ------------------------------------------------------------------------------

    @Test
    void anOpenDeviceFdPinsVfioPci() throws KernelException {
        int withFd = kernel.modules().find("vfio_pci").orElseThrow().refcount();
        sys.close(device);
        assertThat(kernel.modules().find("vfio_pci").orElseThrow().refcount()).isEqualTo(withFd - 1);

        device = (int) sys.ioctl(group, VFIO_GROUP_GET_DEVICE_FD, buf);
        assertThat(errnoOf(() -> kernel.modules().rmmod("vfio_pci"))).isEqualTo(Errno.EAGAIN);
    }

    @Test
    void unbindWaitsForTheDeviceFdToClose() throws Exception {
        CompletableFuture<Void> unbind = CompletableFuture.runAsync(() -> {
            try {
                pci().unbind("vfio-pci", EDU);
            } catch (KernelException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(catchThrowable(() -> unbind.get(300, TimeUnit.MILLISECONDS))).isInstanceOf(TimeoutException.class);
        assertThat(edu().device().driver()).isPresent();

        sys.close(device);
        unbind.get(10, TimeUnit.SECONDS);
        assertThat(edu().device().driver()).isEmpty();
        assertThat(edu().config().busMaster()).isFalse();
    }
}
