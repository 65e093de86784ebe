package org.devmodel.vfio.iommu.type1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devmodel.vfio.iommu.type1.DmaUser.assertErrno;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_DMA_MAP_FLAG_READ;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_DMA_MAP_FLAG_WRITE;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IOMMU_MAP_DMA;

import java.util.List;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.proc.Credentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code VFIO_IOMMU_MAP_DMA}: every check in v3.14's order, its errno, and coalescing. */
class MapDmaTest {
    private static final long PAGE = 4096;
    private static final long RW = VFIO_DMA_MAP_FLAG_READ | VFIO_DMA_MAP_FLAG_WRITE;

    private Type1Fixture fixture;
    private DmaUser user;
    private long buf;

    @BeforeEach
    void setUp() throws KernelException {
        fixture = Type1Fixture.boot();
        user = fixture.user(Credentials.ROOT);
        buf = user.buffer(8);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private void assertMapFails(Errno errno, long argsz, long flags, long vaddr, long iova, long size)
            throws KernelException {
        user.writeMap(argsz, flags, vaddr, iova, size);
        assertErrno(errno, () -> user.ioctl(VFIO_IOMMU_MAP_DMA, user.scratch()));
        assertThat(fixture.type1.mappings()).isEmpty();
    }

    @Test
    void aStructOutsideTheProcessIsEfault() {
        assertErrno(Errno.EFAULT, () -> user.ioctl(VFIO_IOMMU_MAP_DMA, 0x1000));
    }

    @Test
    void aStructEndingInAHoleIsEfault() throws KernelException {
        // the last 8 bytes of the 32 lie in the guard page after the scratch page
        assertErrno(Errno.EFAULT, () -> user.ioctl(VFIO_IOMMU_MAP_DMA, user.scratch() + PAGE - 24));
    }

    @Test
    void argszBelow32IsEinval() throws KernelException {
        assertMapFails(Errno.EINVAL, 31, RW, buf, 0x10000, PAGE);
    }

    @Test
    void unknownFlagsAreEinval() throws KernelException {
        assertMapFails(Errno.EINVAL, 32, RW | 4, buf, 0x10000, PAGE);
    }

    @Test
    void neitherReadNorWriteIsEinval() throws KernelException {
        assertMapFails(Errno.EINVAL, 32, 0, buf, 0x10000, PAGE);
    }

    @ParameterizedTest(name = "vaddr+{0} iova {1} size {2}")
    @CsvSource({
        "0x800, 0x10000, 0x1000",    // vaddr unaligned
        "0, 0x10800, 0x1000",        // iova unaligned
        "0, 0x10000, 0x800",         // size unaligned
        "0, 0x10000, 0",             // size 0
        "0, 0xfffffffffffff000, 0x2000", // iova wraps
    })
    void badRangesAreEinval(String vaddrOffset, String iova, String size) throws KernelException {
        assertMapFails(Errno.EINVAL, 32, RW, buf + hex(vaddrOffset), hex(iova), hex(size));
    }

    private static long hex(String text) {
        return Long.parseUnsignedLong(text.replace("0x", ""), 16);
    }

    @Test
    void aVaddrRangeThatWrapsIsEinval() throws KernelException {
        assertMapFails(Errno.EINVAL, 32, RW, 0xffff_ffff_ffff_f000L, 0x10000, 0x2000);
    }

    /**
     * v3.14 {@code vfio_dma_do_map} with {@code end = iova + size} wrapped to 0, a quirk kept: the
     * wrap check {@code end && end < iova} lets it through, {@code vfio_find_dma} tests
     * {@code start + size <= dma->iova} and so finds no overlap, and the loop {@code iova < end}
     * never runs. The call answers 0, every time, having pinned, mapped and recorded nothing, even
     * over an existing mapping and from a vaddr the process has not mapped.
     */
    @Test
    void aRangeEndingExactlyAt2To64AnswersZeroAndMapsNothing() throws KernelException {
        long top = -PAGE;
        user.map(buf, top - PAGE, PAGE, RW);
        List<String> before = fixture.type1.mappings();

        user.map(buf + PAGE, top, PAGE, RW);
        user.map(buf + PAGE, top, PAGE, RW);
        user.map(0x1000, top - PAGE, 2 * PAGE, RW);

        assertThat(fixture.type1.mappings()).hasSize(1).isEqualTo(before);
        assertThat(fixture.driver.pinning().lockedPages(user.task().memory())).isEqualTo(1);
        assertThat(user.unmap(top, PAGE)).as("the unmap finds nothing").isZero();
    }

    @Test
    void anyOverlapIsEexist() throws KernelException {
        user.map(buf, 0x10000, 2 * PAGE, RW);
        for (long iova : new long[] {0xf000, 0x10000, 0x11000}) {
            user.writeMap(32, RW, buf + 4 * PAGE, iova, 2 * PAGE);
            assertErrno(Errno.EEXIST, () -> user.ioctl(VFIO_IOMMU_MAP_DMA, user.scratch()));
        }
        user.writeMap(32, RW, buf + 4 * PAGE, 0xe000, 8 * PAGE);  // covers it entirely
        assertErrno(Errno.EEXIST, () -> user.ioctl(VFIO_IOMMU_MAP_DMA, user.scratch()));
        assertThat(fixture.type1.mappings()).hasSize(1);
    }

    @Test
    void theOverlapCheckComesBeforePinning() throws KernelException {
        user.map(buf, 0x10000, PAGE, RW);
        // an unmapped vaddr would be EFAULT, but the IOVA is taken first
        user.writeMap(32, RW, 0x1000, 0x10000, PAGE);
        assertErrno(Errno.EEXIST, () -> user.ioctl(VFIO_IOMMU_MAP_DMA, user.scratch()));
    }

    @Test
    void aPageNotMappedInTheProcessIsEfault() throws KernelException {
        // the buffer's 8 pages are followed by a guard page
        user.writeMap(32, RW, buf + 7 * PAGE, 0x10000, 2 * PAGE);
        assertErrno(Errno.EFAULT, () -> user.ioctl(VFIO_IOMMU_MAP_DMA, user.scratch()));
        assertThat(fixture.type1.mappings()).isEmpty();
        assertThat(fixture.driver.pinning().lockedPages(user.task().memory())).isZero();
    }

    @Test
    void aVaddrAboveTheProcessIsEfault() throws KernelException {
        assertMapFails(Errno.EFAULT, 32, RW, 0x8000_0000_0000_0000L, 0x10000, PAGE);
    }

    @Test
    void aChunkAbuttingBelowWithContiguousVaddrIsMerged() throws KernelException {
        user.map(buf, 0x10000, PAGE, RW);
        user.map(buf + PAGE, 0x11000, 2 * PAGE, RW);
        assertThat(fixture.type1.mappings()).containsExactly(dma(0x10000, 3 * PAGE, buf, "rw"));
    }

    @Test
    void aChunkAbuttingAboveIsMerged() throws KernelException {
        user.map(buf + 2 * PAGE, 0x12000, PAGE, RW);
        user.map(buf, 0x10000, 2 * PAGE, RW);
        assertThat(fixture.type1.mappings()).containsExactly(dma(0x10000, 3 * PAGE, buf, "rw"));
    }

    @Test
    void aChunkFillingAGapMergesAllThree() throws KernelException {
        user.map(buf, 0x10000, PAGE, RW);
        user.map(buf + 2 * PAGE, 0x12000, PAGE, RW);
        user.map(buf + PAGE, 0x11000, PAGE, RW);
        assertThat(fixture.type1.mappings()).containsExactly(dma(0x10000, 3 * PAGE, buf, "rw"));
    }

    @Test
    void differentPermissionsDoNotMerge() throws KernelException {
        user.map(buf, 0x10000, PAGE, RW);
        user.map(buf + PAGE, 0x11000, PAGE, VFIO_DMA_MAP_FLAG_READ);
        user.map(buf + 2 * PAGE, 0x12000, PAGE, VFIO_DMA_MAP_FLAG_WRITE);
        assertThat(fixture.type1.mappings()).containsExactly(
                dma(0x10000, PAGE, buf, "rw"), dma(0x11000, PAGE, buf + PAGE, "r-"), dma(0x12000, PAGE, buf + 2 * PAGE, "-w"));
    }

    @Test
    void nonContiguousVaddrsDoNotMerge() throws KernelException {
        user.map(buf + PAGE, 0x10000, PAGE, RW);
        user.map(buf, 0x11000, PAGE, RW);
        assertThat(fixture.type1.mappings()).containsExactly(
                dma(0x10000, PAGE, buf + PAGE, "rw"), dma(0x11000, PAGE, buf, "rw"));
    }

    @Test
    void mappingsOfTwoProcessesDoNotMerge() throws KernelException {
        DmaUser other = fixture.user(Credentials.ROOT);
        long otherBuf = other.buffer(8);
        assertThat(otherBuf).isEqualTo(buf);  // same placement rule, so the vaddrs are contiguous
        user.map(buf, 0x10000, PAGE, RW);
        other.map(buf + PAGE, 0x11000, PAGE, RW);
        assertThat(fixture.type1.mappings()).hasSize(2);
    }

    /** {@return a mapping as {@link VfioDma#toString} shows it} */
    static String dma(long iova, long size, long vaddr, String prot) {
        return "0x" + Long.toHexString(iova) + "+0x" + Long.toHexString(size) + " -> 0x" + Long.toHexString(vaddr) + " " + prot;
    }
}
