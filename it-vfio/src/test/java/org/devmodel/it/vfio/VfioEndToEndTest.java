package org.devmodel.it.vfio;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.EventFdFlags;
import org.devmodel.core.fs.OpenFlags;
import org.devmodel.core.mem.StructValue;
import org.devmodel.core.proc.Mman;
import org.devmodel.pci.Pci;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A userspace driver of QEMU's edu device through VFIO, end to end, on both platforms: vfio, both
 * IOMMU backends and vfio_pci come from a modules directory, the process maps its memory for DMA,
 * programs the device through BAR0 and finds the device's DMA in its memory, with the completion
 * interrupt on an eventfd. On x86 the container uses type1; on POWER the sPAPR TCE backend, enabled
 * before mapping.
 */
class VfioEndToEndTest {
    private static final String EDU = "0000:00:03.0";
    /** edu's BAR0 registers (QEMU docs/specs/edu.txt). */
    private static final long IDENT = 0x00;
    private static final long LIVENESS = 0x04;
    private static final long DMA_SRC = 0x80;
    private static final long DMA_DST = 0x88;
    private static final long DMA_CNT = 0x90;
    private static final long DMA_CMD = 0x98;
    private static final long DMA_START = 1;
    private static final long DMA_TO_RAM = 2;
    private static final long DMA_IRQ = 4;
    private static final long EDU_BUFFER = 0x40000;
    /** Region offsets of vfio-pci: the index in bits 40 and up. */
    private static final long CONFIG = 7L << 40;
    private static final long BAR0 = 0;

    private Kernel kernel;
    private UserspaceDriver user;
    private int container;
    private int group;
    private int device;
    private long dma;

    private void boot(Platform machine) throws Exception {
        kernel = Kernel.boot(machine.options(Path.of(System.getProperty("devmodel.modules"))));
        user = new UserspaceDriver(kernel);
    }

    @AfterEach
    void tearDown() {
        if (kernel != null) {
            kernel.close();
        }
    }

    /**
     * Boots the machine; modprobe vfio-pci, bind the edu function, container, group, the machine's
     * backend (enabled on POWER), 4 KiB at IOVA 0x10000, device fd.
     */
    private void openDevice(Platform machine) throws Exception {
        boot(machine);
        assertThat(kernel.modules().modprobe("vfio-pci", Map.of())).containsExactly("vfio", "vfio_pci");
        Pci pci = kernel.subsystem(Pci.class).orElseThrow();
        pci.setDriverOverride(EDU, "vfio-pci");
        pci.bind("vfio-pci", EDU);
        kernel.settle();
        assertThat(kernel.modules().find(machine.backend())).as("loaded by vfio's request").isPresent();
        assertThat(kernel.modules().find(machine.otherBackend())).as("its init answered ENODEV").isEmpty();

        container = user.task.syscalls().open("/dev/vfio/vfio", OpenFlags.O_RDWR);
        assertThat(user.ioctl(container, "VFIO_GET_API_VERSION", 0)).isEqualTo(user.constant("VFIO_API_VERSION"));
        assertThat(user.ioctl(container, "VFIO_CHECK_EXTENSION", user.constant(machine.iommuType()))).isEqualTo(1);
        group = user.task.syscalls().open("/dev/vfio/3", OpenFlags.O_RDWR);
        StructValue status = user.ioctlStruct(group, "VFIO_GROUP_GET_STATUS", user.struct("VFIO_GROUP_GET_STATUS"));
        assertThat(status.get("flags")).isEqualTo(user.constant("VFIO_GROUP_FLAGS_VIABLE"));
        user.ioctlIntPointer(group, "VFIO_GROUP_SET_CONTAINER", container);
        user.ioctl(container, "VFIO_SET_IOMMU", user.constant(machine.iommuType()));
        if (machine == Platform.POWER) {
            StructValue info = user.ioctlStruct(container, "VFIO_IOMMU_SPAPR_TCE_GET_INFO",
                    user.struct("VFIO_IOMMU_SPAPR_TCE_GET_INFO"));
            assertThat(info.get("dma32_window_size")).isEqualTo(0x8000_0000L);
            user.ioctl(container, "VFIO_IOMMU_ENABLE", 0);
        }

        dma = user.mmap(4096);
        map(dma, 0x10000, 4096, "VFIO_DMA_MAP_FLAG_READ", "VFIO_DMA_MAP_FLAG_WRITE");
        device = (int) user.ioctlString(group, "VFIO_GROUP_GET_DEVICE_FD", EDU);
    }

    private void map(long vaddr, long iova, long size, String... flags) throws KernelException {
        long bits = 0;
        for (String flag : flags) {
            bits |= user.constant(flag);
        }
        user.ioctlStruct(container, "VFIO_IOMMU_MAP_DMA", user.struct("VFIO_IOMMU_MAP_DMA")
                .set("vaddr", vaddr).set("iova", iova).set("size", size).set("flags", bits));
    }

    /** Routes edu's MSI vector to a new non-blocking eventfd and enables bus mastering. */
    private int msiToEventfd() throws KernelException {
        int efd = user.task.syscalls().eventfd(0, EventFdFlags.EFD_NONBLOCK);
        long flags = user.constant("VFIO_IRQ_SET_DATA_EVENTFD") | user.constant("VFIO_IRQ_SET_ACTION_TRIGGER");
        StructValue irqs = user.struct("VFIO_DEVICE_SET_IRQS", flags, 1)
                .set("index", user.constant("VFIO_PCI_MSI_IRQ_INDEX")).set("start", 0).set("count", 1)
                .setElement(0, efd);
        user.ioctlStruct(device, "VFIO_DEVICE_SET_IRQS", irqs);
        long command = user.pread(device, 2, CONFIG + 0x04);
        user.pwrite(device, 2, CONFIG + 0x04, command | 0x4);
        return efd;
    }

    /** Programs one edu DMA through an mmap of BAR0 and lets its 100 ms pass on the virtual clock. */
    private void eduDma(long bar0, long src, long dst, long count, long command) throws KernelException {
        user.task.memory().store(bar0 + DMA_SRC, 8, src);
        user.task.memory().store(bar0 + DMA_DST, 8, dst);
        user.task.memory().store(bar0 + DMA_CNT, 8, count);
        user.task.memory().store(bar0 + DMA_CMD, 8, command);
        kernel.clock().advance(Duration.ofMillis(100));
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void edusDmaRoundTripLandsInTheProcessWithItsInterruptOnAnEventfd(Platform machine) throws Exception {
        openDevice(machine);
        dmaRoundTrip();
    }

    /** Identification and liveness through BAR0, then RAM to edu's buffer and back to IOVA 0x10800. */
    private void dmaRoundTrip() throws Exception {
        assertThat(user.pread(device, 4, BAR0 + IDENT)).as("identification").isEqualTo(0x010000edL);
        long bar0 = user.task.syscalls().mmap(1 << 20, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_SHARED, device, BAR0);
        user.task.memory().store(bar0 + LIVENESS, 4, 0x12345678);
        assertThat(user.task.memory().load(bar0 + LIVENESS, 4)).as("liveness").isEqualTo(~0x12345678L & 0xffffffffL);
        int efd = msiToEventfd();

        byte[] message = HexFormat.of().parseHex("6465766d6f64656c2064696420444d41");
        user.task.memory().copyToUser(dma, message);
        eduDma(bar0, 0x10000, EDU_BUFFER, message.length, DMA_START | DMA_IRQ);
        assertThat(user.eventCount(efd)).as("interrupts after RAM to device").isEqualTo(1);
        eduDma(bar0, EDU_BUFFER, 0x10800, message.length, DMA_START | DMA_TO_RAM | DMA_IRQ);
        assertThat(user.eventCount(efd)).as("interrupts after device to RAM").isEqualTo(1);

        assertThat(user.task.memory().copyFromUser(dma + 0x800, message.length)).isEqualTo(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "X86   | DMAR:[DMA Write] Request device [0000:00:03.0] fault addr 20000 (iommu group 3)"
                + " | DMAR:[DMA Write] Request device [0000:00:03.0] fault addr 30000 (iommu group 3)",
        "POWER | iommu_tce: [DMA Write] device [0000:00:03.0] fault addr 20000 (iommu group 3): empty TCE"
                + " | iommu_tce: [DMA Write] device [0000:00:03.0] fault addr 30000 (iommu group 3): read-only TCE",
    })
    void aDmaToAnUnmappedIovaOrIntoAReadOnlyMappingTouchesNoMemoryAndIsAnIommuFault(Platform machine, String unmapped,
            String readOnlyFault) throws Exception {
        openDevice(machine);
        long readOnly = user.mmap(4096);
        map(readOnly, 0x30000, 4096, "VFIO_DMA_MAP_FLAG_READ");
        long bar0 = user.task.syscalls().mmap(1 << 20, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_SHARED, device, BAR0);
        int efd = msiToEventfd();
        user.task.memory().copyToUser(dma, new byte[] {1, 2, 3, 4});
        eduDma(bar0, 0x10000, EDU_BUFFER, 4, DMA_START | DMA_IRQ);
        user.eventCount(efd);

        eduDma(bar0, EDU_BUFFER, 0x20000, 4, DMA_START | DMA_TO_RAM | DMA_IRQ);
        eduDma(bar0, EDU_BUFFER, 0x30000, 4, DMA_START | DMA_TO_RAM | DMA_IRQ);

        assertThat(user.eventCount(efd)).as("edu has no error status: it still interrupts").isEqualTo(2);
        assertThat(user.task.memory().copyFromUser(readOnly, 4)).containsExactly(0, 0, 0, 0);
        assertThat(kernel.log().dmesg()).contains(unmapped).contains(readOnlyFault);
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void everythingUnloadsAndEveryClassLoaderIsCollected(Platform machine) throws Exception {
        openDevice(machine);
        dmaRoundTrip();
        int hello = user.task.syscalls().open("/dev/hello", OpenFlags.O_RDWR);
        List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
        for (String module : List.of("vfio", machine.backend(), "vfio_pci", "hello")) {
            loaders.add(new WeakReference<>(kernel.modules().code(module).orElseThrow().getClassLoader()));
        }
        kernel.exit(user.task);
        for (String module : List.of("hello", "vfio_pci", machine.backend(), "vfio")) {
            kernel.modules().rmmod(module);
        }
        assertThat(kernel.modules().loaded()).isEmpty();
        assertThat(kernel.vfs().exists("/dev/vfio/3")).isFalse();

        for (int round = 0; round < 100 && loaders.stream().anyMatch(l -> l.get() != null); round++) {
            System.gc();
            Thread.sleep(50);
        }
        assertThat(loaders).as("class loaders of vfio, %s, vfio_pci and hello after rmmod", machine.backend())
                .allMatch(l -> l.get() == null);
    }
}
