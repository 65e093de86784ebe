package org.devmodel.vfio.iommu.spapr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_BASE;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_CHECK_EXTENSION;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_DMA_MAP_FLAG_READ;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_DMA_MAP_FLAG_WRITE;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_GROUP_SET_CONTAINER;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IOMMU_DISABLE;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IOMMU_ENABLE;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IOMMU_MAP_DMA;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IOMMU_SPAPR_TCE_GET_INFO;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IOMMU_UNMAP_DMA;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_SET_IOMMU;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_SPAPR_TCE_IOMMU;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_TYPE;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_TYPE1_IOMMU;
import static org.devmodel.vfio.uapi.VfioStructs.VFIO_IOMMU_SPAPR_TCE_INFO;
import static org.devmodel.vfio.uapi.VfioStructs.VFIO_IOMMU_TYPE1_DMA_MAP;
import static org.devmodel.vfio.uapi.VfioStructs.VFIO_IOMMU_TYPE1_DMA_UNMAP;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.device.Device;
import org.devmodel.core.fs.OpenFlags;
import org.devmodel.core.mem.AddressSpace;
import org.devmodel.core.mem.StructValue;
import org.devmodel.testkit.vfio.VfioMachine;
import org.devmodel.testkit.vfio.VfioSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sPAPR backend's own UAPI through vfio on the POWER platform, as v3.14's
 * {@code tce_iommu_ioctl} and {@code arch/powerpc/kernel/iommu.c} decide it: group 3 in a container
 * set to {@code VFIO_SPAPR_TCE_IOMMU}, whose window is 0 to 2 GiB.
 */
class TceIoctlTest {
    private static final long PAGE = AddressSpace.PAGE_SIZE;
    private static final long WINDOW_END = 0x8000_0000L;
    private static final long RW = VFIO_DMA_MAP_FLAG_READ | VFIO_DMA_MAP_FLAG_WRITE;

    private VfioMachine machine;
    private VfioSession session;
    private long buffer;

    @BeforeEach
    void setUp() throws KernelException {
        machine = VfioMachine.boot(new SpaprAdapter());
        session = machine.open(VfioMachine.GROUP);
        session.setContainer();
        session.containerIoctl(VFIO_SET_IOMMU, VFIO_SPAPR_TCE_IOMMU);
        buffer = session.task().memory().mmap(4 * PAGE);
    }

    @AfterEach
    void shutDown() {
        machine.close();
    }

    private static void assertErrno(Errno errno, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(KernelException.class,
                e -> assertThat(e.errno()).as(e.getMessage()).isEqualTo(errno));
    }

    private Device edu() {
        return machine.device(VfioMachine.EDU);
    }

    private long map(long argsz, long flags, long vaddr, long iova, long size) throws KernelException {
        return session.containerIoctl(VFIO_IOMMU_MAP_DMA, session.place(StructValue.of(VFIO_IOMMU_TYPE1_DMA_MAP)
                .set("argsz", argsz).set("flags", flags).set("vaddr", vaddr).set("iova", iova).set("size", size)));
    }

    private long map(long vaddr, long iova, long size) throws KernelException {
        return map(VFIO_IOMMU_TYPE1_DMA_MAP.size(), RW, vaddr, iova, size);
    }

    private long unmap(long argsz, long flags, long iova, long size) throws KernelException {
        return session.containerIoctl(VFIO_IOMMU_UNMAP_DMA, session.place(StructValue.of(VFIO_IOMMU_TYPE1_DMA_UNMAP)
                .set("argsz", argsz).set("flags", flags).set("iova", iova).set("size", size)));
    }

    private void assertMapped(long iova, boolean mapped) throws KernelException {
        if (mapped) {
            machine.iommu().dmaRead(edu(), iova, 1);
        } else {
            assertErrno(Errno.EFAULT, () -> machine.iommu().dmaRead(edu(), iova, 1));
        }
    }

    @Test
    void getInfoGivesTheWindowAndFlags0() throws KernelException {
        long at = session.place(StructValue.of(VFIO_IOMMU_SPAPR_TCE_INFO).set("argsz", 16).set("flags", 7));
        assertThat(session.containerIoctl(VFIO_IOMMU_SPAPR_TCE_GET_INFO, at)).isZero();
        StructValue info = session.placed(VFIO_IOMMU_SPAPR_TCE_INFO);
        assertThat(info.get("flags")).isZero();
        assertThat(info.get("dma32_window_start")).isZero();
        assertThat(info.get("dma32_window_size")).isEqualTo(WINDOW_END);

        long shortArgsz = session.place(StructValue.of(VFIO_IOMMU_SPAPR_TCE_INFO).set("argsz", 15));
        assertErrno(Errno.EINVAL, () -> session.containerIoctl(VFIO_IOMMU_SPAPR_TCE_GET_INFO, shortArgsz));
        assertErrno(Errno.EFAULT, () -> session.containerIoctl(VFIO_IOMMU_SPAPR_TCE_GET_INFO, 0));
    }

    @Test
    void onlyTheSpaprTypeIsServedAndUnknownIoctlsAreEnotty() throws KernelException {
        assertThat(session.containerIoctl(VFIO_CHECK_EXTENSION, VFIO_SPAPR_TCE_IOMMU)).isEqualTo(1);
        assertThat(session.containerIoctl(VFIO_CHECK_EXTENSION, VFIO_TYPE1_IOMMU)).isZero();
        assertErrno(Errno.ENOTTY, () -> session.containerIoctl((VFIO_TYPE << 8) | (VFIO_BASE + 17), 0));
    }

    @Test
    void enableTwiceIsEbusyAndDisableIsAlwaysFine() throws KernelException {
        assertThat(session.containerIoctl(VFIO_IOMMU_DISABLE, 0)).isZero();
        assertThat(session.containerIoctl(VFIO_IOMMU_ENABLE, 0)).isZero();
        assertErrno(Errno.EBUSY, () -> session.containerIoctl(VFIO_IOMMU_ENABLE, 0));
        assertThat(session.containerIoctl(VFIO_IOMMU_DISABLE, 0)).isZero();
        assertThat(session.containerIoctl(VFIO_IOMMU_ENABLE, 0)).isZero();
    }

    @Test
    void mapPutsOneTcePerPageAndNeedsNoEnable() throws KernelException {
        session.task().memory().copyToUser(buffer + PAGE, new byte[] {42});
        assertThat(map(buffer, 0x10000, 2 * PAGE)).isZero();
        assertThat(machine.iommu().dmaRead(edu(), 0x11000, 1)).containsExactly(42);
        assertMapped(0x12000, false);
        assertThat(map(buffer, 0x20000, 0)).as("size 0 maps nothing").isZero();
        assertMapped(0x20000, false);
    }

    @ParameterizedTest(name = "argsz={0} flags={1} vaddr+{2} iova={3} size={4}")
    @CsvSource({
        "31, 3, 0,     0x10000,    0x1000",    // argsz below the struct
        "32, 4, 0,     0x10000,    0x1000",    // unknown flag
        "32, 0, 0,     0x10000,    0x1000",    // neither READ nor WRITE: iommu_tce_put_param_check
        "32, 3, 0,     0x10000,    0x800",     // size not a TCE page
        "32, 3, 0x800, 0x10000,    0x1000",    // vaddr not a TCE page
        "32, 3, 0,     0x10800,    0x1000",    // iova not a TCE page
        "32, 3, 0,     0x80000000, 0x1000",    // first page outside the window
        "32, 3, 0,     0x7ffff000, 0x2000",    // running out of the window (devmodel; v3.14 writes past the table)
    })
    void mapRefusesWithEinvalAndLeavesNothingMapped(long argsz, long flags, String vaddrOffset, String iova, String size)
            throws KernelException {
        long at = Long.decode(iova);
        assertErrno(Errno.EINVAL, () -> map(argsz, flags, buffer + Long.decode(vaddrOffset), at, Long.decode(size)));
        assertMapped(at & ~0xfffL, false);
    }

    @Test
    void aPageThatCannotBePinnedIsEfaultAndClearsThePagesBeforeIt() throws KernelException {
        long hole = buffer + 4 * PAGE;
        assertErrno(Errno.EFAULT, () -> map(hole - PAGE, 0x10000, 2 * PAGE));
        assertMapped(0x10000, false);
    }

    @Test
    void aTceInUseIsEbusyAndTheMappingStays() throws KernelException {
        map(buffer, 0x10000, PAGE);
        assertErrno(Errno.EBUSY, () -> map(buffer + PAGE, 0xf000, 2 * PAGE));
        assertMapped(0xf000, false);
        assertMapped(0x10000, true);
        assertThat(machine.kernel().log().dmesg()).contains("iommu_tce: iommu_put_tce_user_mode failed ioba=10000");
    }

    @Test
    void unmapClearsEveryEntryOfTheRangeAndWritesNothingBack() throws KernelException {
        map(buffer, 0x10000, 2 * PAGE);
        long at = session.place(StructValue.of(VFIO_IOMMU_TYPE1_DMA_UNMAP).set("argsz", 24).set("iova", 0xf000)
                .set("size", 4 * PAGE));
        assertThat(session.containerIoctl(VFIO_IOMMU_UNMAP_DMA, at)).isZero();
        assertThat(session.placed(VFIO_IOMMU_TYPE1_DMA_UNMAP).get("size")).isEqualTo(4 * PAGE);
        assertMapped(0x10000, false);
        assertMapped(0x11000, false);
        assertThat(unmap(24, 0, WINDOW_END, 0)).as("an empty range at the window's end").isZero();
    }

    @ParameterizedTest(name = "argsz={0} flags={1} iova={2} size={3}")
    @CsvSource({"23, 0, 0x10000, 0x1000", "24, 1, 0x10000, 0x1000", "24, 0, 0x10000, 0x800", "24, 0, 0x10800, 0x1000",
        "24, 0, 0x7ffff000, 0x2000", "24, 0, 0x80000000, 0x1000"})
    void unmapRefusesWithEinval(long argsz, long flags, String iova, String size) throws KernelException {
        map(buffer, 0x10000, PAGE);
        assertErrno(Errno.EINVAL, () -> unmap(argsz, flags, Long.decode(iova), Long.decode(size)));
        assertMapped(0x10000, true);
    }

    @Test
    void aContainerHoldsOneGroup() throws KernelException {
        machine.bindToVfio("0000:01:00.0");
        machine.bindToVfio("0000:01:00.1");
        VfioSession other = machine.open(session.task(), 5);
        assertErrno(Errno.EBUSY, () -> other.groupIoctl(VFIO_GROUP_SET_CONTAINER,
                other.placeInt(session.container())));
        assertThat(machine.kernel().log().dmesg())
                .contains("tce_vfio: Only one group per IOMMU container is allowed, existing id=3, attaching id=5");

        // two groups set before SET_IOMMU: the second attach fails, and the container keeps no backend
        session.unsetContainer();
        int container = session.task().syscalls().open("/dev/vfio/vfio", OpenFlags.O_RDWR);
        other.groupIoctl(VFIO_GROUP_SET_CONTAINER, other.placeInt(container));
        session.groupIoctl(VFIO_GROUP_SET_CONTAINER, session.placeInt(container));
        assertErrno(Errno.EBUSY, () -> session.task().syscalls().ioctl(container, VFIO_SET_IOMMU, VFIO_SPAPR_TCE_IOMMU));
        assertErrno(Errno.EINVAL, () -> session.task().syscalls().ioctl(container, VFIO_IOMMU_ENABLE, 0));
    }
}
