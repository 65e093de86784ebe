package org.devmodel.vfio.iommu.type1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devmodel.vfio.iommu.type1.DmaUser.assertErrno;
import static org.devmodel.vfio.iommu.type1.MapDmaTest.dma;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_DMA_MAP_FLAG_READ;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_DMA_MAP_FLAG_WRITE;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IOMMU_UNMAP_DMA;

import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.mem.AddressSpace;
import org.devmodel.core.proc.Credentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code VFIO_IOMMU_UNMAP_DMA}: its errnos, and removing, trimming and splitting mappings. */
class UnmapDmaTest {
    private static final long PAGE = 4096;
    private static final long RW = VFIO_DMA_MAP_FLAG_READ | VFIO_DMA_MAP_FLAG_WRITE;
    private static final long IOVA = 0x10000;

    private Type1Fixture fixture;
    private DmaUser user;
    private AddressSpace memory;
    private long buf;

    @BeforeEach
    void setUp() throws KernelException {
        fixture = Type1Fixture.boot();
        user = fixture.user(Credentials.ROOT);
        memory = user.task().memory();
        buf = user.buffer(8);
        user.map(buf, IOVA, 8 * PAGE, RW);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private void assertUnmapFails(Errno errno, long argsz, long flags, long iova, long size) throws KernelException {
        user.writeUnmap(argsz, flags, iova, size);
        assertErrno(errno, () -> user.ioctl(VFIO_IOMMU_UNMAP_DMA, user.scratch()));
        assertThat(fixture.type1.mappings()).containsExactly(dma(IOVA, 8 * PAGE, buf, "rw"));
    }

    private long locked() {
        return fixture.driver.pinning().lockedPages(memory);
    }

    @Test
    void aStructOutsideTheProcessIsEfault() {
        assertErrno(Errno.EFAULT, () -> user.ioctl(VFIO_IOMMU_UNMAP_DMA, 0x1000));
    }

    @Test
    void argszBelow24IsEinval() throws KernelException {
        assertUnmapFails(Errno.EINVAL, 23, 0, IOVA, PAGE);
    }

    @Test
    void anyFlagIsEinval() throws KernelException {
        assertUnmapFails(Errno.EINVAL, 24, 1, IOVA, PAGE);
    }

    @Test
    void anUnalignedIovaIsEinval() throws KernelException {
        assertUnmapFails(Errno.EINVAL, 24, 0, IOVA + 0x800, PAGE);
    }

    @Test
    void anUnalignedSizeIsEinval() throws KernelException {
        assertUnmapFails(Errno.EINVAL, 24, 0, IOVA, 0x800);
    }

    @Test
    void sizeZeroIsEinval() throws KernelException {
        assertUnmapFails(Errno.EINVAL, 24, 0, IOVA, 0);
    }

    @Test
    void onlyMinszBytesAreWrittenBack() throws KernelException {
        user.writeUnmap(32, 0, IOVA, PAGE);
        memory.store(user.scratch() + 24, 8, 0x5a5a5a5a5a5a5a5aL);
        assertThat(user.ioctl(VFIO_IOMMU_UNMAP_DMA, user.scratch())).isZero();
        assertThat(memory.load(user.scratch(), 4)).isEqualTo(32);
        assertThat(memory.load(user.scratch() + 16, 8)).isEqualTo(PAGE);
        assertThat(memory.load(user.scratch() + 24, 8)).isEqualTo(0x5a5a5a5a5a5a5a5aL);
    }

    @Test
    void nothingOverlappingUnmapsNothingAndSaysSo() throws KernelException {
        assertThat(user.unmap(0x100000, PAGE)).isZero();
        assertThat(fixture.type1.mappings()).hasSize(1);
    }

    @Test
    void aCoveringUnmapRemovesTheMappingAndReturnsItsPages() throws KernelException {
        assertThat(locked()).isEqualTo(8);
        assertThat(user.unmap(0, 0x100000)).isEqualTo(8 * PAGE);
        assertThat(fixture.type1.mappings()).isEmpty();
        assertThat(locked()).isZero();
    }

    @Test
    void aLowOverlapTrimsTheMappingUpwards() throws KernelException {
        assertThat(user.unmap(IOVA - PAGE, 3 * PAGE)).isEqualTo(2 * PAGE);
        assertThat(fixture.type1.mappings()).containsExactly(dma(IOVA + 2 * PAGE, 6 * PAGE, buf + 2 * PAGE, "rw"));
        assertThat(locked()).isEqualTo(6);
    }

    @Test
    void aHighOverlapTrimsTheMappingsEnd() throws KernelException {
        assertThat(user.unmap(IOVA + 5 * PAGE, 10 * PAGE)).isEqualTo(3 * PAGE);
        assertThat(fixture.type1.mappings()).containsExactly(dma(IOVA, 5 * PAGE, buf, "rw"));
        assertThat(locked()).isEqualTo(5);
    }

    @Test
    void aMiddleUnmapSplitsTheMappingInTwo() throws KernelException {
        assertThat(user.unmap(IOVA + 2 * PAGE, 3 * PAGE)).isEqualTo(3 * PAGE);
        assertThat(fixture.type1.mappings()).containsExactly(
                dma(IOVA, 2 * PAGE, buf, "rw"), dma(IOVA + 5 * PAGE, 3 * PAGE, buf + 5 * PAGE, "rw"));
        assertThat(locked()).isEqualTo(5);
    }

    @Test
    void oneUnmapAcrossSeveralMappingsAddsTheirOverlaps() throws KernelException {
        long other = user.buffer(4);
        user.map(other, 0x20000, 4 * PAGE, VFIO_DMA_MAP_FLAG_READ);
        assertThat(user.unmap(IOVA + 6 * PAGE, 0x20000 + PAGE - (IOVA + 6 * PAGE))).isEqualTo(3 * PAGE);
        assertThat(fixture.type1.mappings()).containsExactly(
                dma(IOVA, 6 * PAGE, buf, "rw"), dma(0x21000, 3 * PAGE, other + PAGE, "r-"));
        assertThat(locked()).isEqualTo(9);
    }

    /**
     * v3.14 {@code vfio_dma_do_unmap}: with {@code start + size} wrapped to 0, {@code vfio_find_dma}'s
     * {@code start + size <= dma->iova} holds for every mapping, so nothing is found or unmapped.
     */
    @Test
    void anUnmapEndingExactlyAt2To64FindsNothing() throws KernelException {
        user.map(buf, 0xffff_ffff_ffff_e000L, PAGE, RW);
        assertThat(user.unmap(0xffff_ffff_ffff_e000L, 0x2000)).isZero();
        assertThat(fixture.type1.mappings()).hasSize(2);
        assertThat(user.unmap(0xffff_ffff_ffff_e000L, PAGE)).isEqualTo(PAGE);
    }

    @Test
    void anUnmapRunningPast2To64EndsThere() throws KernelException {
        user.map(buf, 0xffff_ffff_ffff_e000L, PAGE, RW);
        assertThat(user.unmap(0xffff_ffff_ffff_e000L, 0x4000)).isEqualTo(PAGE);
        assertThat(fixture.type1.mappings()).hasSize(1);
    }

    @Test
    void aSplitHalfCanBeMappedAgainAndCoalesces() throws KernelException {
        user.unmap(IOVA + 2 * PAGE, PAGE);
        user.map(buf + 2 * PAGE, IOVA + 2 * PAGE, PAGE, RW);
        assertThat(fixture.type1.mappings()).containsExactly(dma(IOVA, 8 * PAGE, buf, "rw"));
        assertThat(locked()).isEqualTo(8);
    }
}
