package org.devmodel.vfio.iommu.type1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devmodel.vfio.iommu.type1.DmaUser.assertErrno;
import static org.devmodel.vfio.iommu.type1.MapDmaTest.dma;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_DMA_MAP_FLAG_READ;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_DMA_MAP_FLAG_WRITE;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IOMMU_MAP_DMA;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_TYPE1_IOMMU;

import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.log.LogRecord;
import org.devmodel.core.mem.MmioHandler;
import org.devmodel.core.proc.Credentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Locked-memory accounting: pinned pages count against {@code RLIMIT_MEMLOCK} (64 KiB, 16 pages, by
 * default) unless the process holds {@code CAP_IPC_LOCK}, per process, and come back on unmap.
 */
class MemlockTest {
    private static final long PAGE = 4096;
    private static final long RW = VFIO_DMA_MAP_FLAG_READ | VFIO_DMA_MAP_FLAG_WRITE;
    private static final String EXCEEDED = "vfio_pin_pages: RLIMIT_MEMLOCK (65536) exceeded";

    private Type1Fixture fixture;
    private DmaUser user;
    private long buf;

    @BeforeEach
    void setUp() throws KernelException {
        fixture = Type1Fixture.boot();
        user = fixture.user(new Credentials(1000, 1000));
        buf = user.buffer(32);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private long locked(DmaUser who) {
        return fixture.driver.pinning().lockedPages(who.task().memory());
    }

    private long warnings() {
        return fixture.kernel.log().records().stream().map(LogRecord::text).filter(EXCEEDED::equals).count();
    }

    @Test
    void anUnprivilegedProcessMayPinUpToItsLimit() throws KernelException {
        user.map(buf, 0x10000, 16 * PAGE, RW);
        assertThat(locked(user)).isEqualTo(16);
        assertThat(warnings()).isZero();
    }

    @Test
    void onePagePastTheLimitIsEnomemAndUndoesTheWholeCall() throws KernelException {
        user.map(buf, 0x10000, 10 * PAGE, RW);
        // would coalesce with the first mapping; its 7th page is the 17th locked
        user.writeMap(32, RW, buf + 10 * PAGE, 0x1a000, 7 * PAGE);
        assertErrno(Errno.ENOMEM, () -> user.ioctl(VFIO_IOMMU_MAP_DMA, user.scratch()));
        assertThat(warnings()).isEqualTo(1);
        assertThat(fixture.type1.mappings()).containsExactly(dma(0x10000, 10 * PAGE, buf, "rw"));
        assertThat(locked(user)).isEqualTo(10);
        user.map(buf + 10 * PAGE, 0x1a000, 6 * PAGE, RW);
        assertThat(fixture.type1.mappings()).containsExactly(dma(0x10000, 16 * PAGE, buf, "rw"));
    }

    @Test
    void aRaisedLimitIsHonoured() throws KernelException {
        user.task().setMemlockLimit(32 * PAGE);
        user.map(buf, 0x10000, 32 * PAGE, RW);
        assertThat(locked(user)).isEqualTo(32);
    }

    @Test
    void theLimitIsReportedInWholePages() throws KernelException {
        user.task().setMemlockLimit(2 * PAGE + 100);
        user.writeMap(32, RW, buf, 0x10000, 3 * PAGE);
        assertErrno(Errno.ENOMEM, () -> user.ioctl(VFIO_IOMMU_MAP_DMA, user.scratch()));
        assertThat(fixture.kernel.log().records()).extracting(LogRecord::text)
                .contains("vfio_pin_pages: RLIMIT_MEMLOCK (8192) exceeded");
    }

    @Test
    void aPageMissingBeforeTheLimitIsReachedIsEfault() throws KernelException {
        long small = user.buffer(2);  // followed by a guard page
        user.task().setMemlockLimit(2 * PAGE);
        user.writeMap(32, RW, small, 0x10000, 4 * PAGE);
        assertErrno(Errno.EFAULT, () -> user.ioctl(VFIO_IOMMU_MAP_DMA, user.scratch()));
        assertThat(warnings()).isZero();
    }

    @Test
    void capIpcLockLiftsTheLimitButPagesAreStillCounted() throws KernelException {
        DmaUser root = fixture.user(Credentials.ROOT);
        long rootBuf = root.buffer(64);
        root.map(rootBuf, 0x10000, 64 * PAGE, RW);
        assertThat(locked(root)).isEqualTo(64);
        assertThat(warnings()).isZero();
    }

    @Test
    void theCountIsPerProcessAcrossContainers() throws KernelException {
        Type1Iommu second = (Type1Iommu) fixture.driver.open(VFIO_TYPE1_IOMMU);
        DmaUser sameProcess = new DmaUser(user.task(), (cmd, arg) -> second.ioctl(user.task(), cmd, arg));
        user.map(buf, 0x10000, 10 * PAGE, RW);
        sameProcess.writeMap(32, RW, buf + 10 * PAGE, 0x10000, 7 * PAGE);
        assertErrno(Errno.ENOMEM, () -> sameProcess.ioctl(VFIO_IOMMU_MAP_DMA, sameProcess.scratch()));

        DmaUser otherProcess = fixture.user(new Credentials(1000, 1000));
        long otherBuf = otherProcess.buffer(16);
        otherProcess.map(otherBuf, 0x100000, 16 * PAGE, RW);
        assertThat(locked(user)).isEqualTo(10);
        assertThat(locked(otherProcess)).isEqualTo(16);
    }

    @Test
    void unmappedPagesCanBePinnedAgain() throws KernelException {
        user.map(buf, 0x10000, 16 * PAGE, RW);
        assertThat(user.unmap(0x10000, 4 * PAGE)).isEqualTo(4 * PAGE);
        user.map(buf + 16 * PAGE, 0x100000, 4 * PAGE, RW);
        assertThat(locked(user)).isEqualTo(16);
    }

    @Test
    void releasingTheContainerReturnsEveryPage() throws KernelException {
        user.map(buf, 0x10000, 8 * PAGE, RW);
        user.map(buf + 8 * PAGE, 0x40000, 8 * PAGE, VFIO_DMA_MAP_FLAG_READ);
        fixture.type1.release();
        assertThat(fixture.type1.mappings()).isEmpty();
        assertThat(locked(user)).isZero();
    }

    @Test
    void aDeviceRegionIsPinnedWithoutBeingCounted() throws KernelException {
        long bar = user.task().memory().mmapDevice(32 * PAGE, new MmioHandler() {
            @Override
            public long read(long offset, int size) {
                return 0;
            }

            @Override
            public void write(long offset, int size, long value) {
                // registers ignore writes
            }
        });
        user.map(bar, 0x10000, 32 * PAGE, RW);
        assertThat(locked(user)).isZero();
        assertThat(fixture.type1.mappings()).containsExactly(dma(0x10000, 32 * PAGE, bar, "rw") + " reserved");
        user.unmap(0x10000, 32 * PAGE);
        assertThat(locked(user)).isZero();
    }
}
