package org.devmodel.vfio.iommu.type1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devmodel.vfio.iommu.type1.DmaUser.assertErrno;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_CHECK_EXTENSION;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_DMA_MAP_FLAG_READ;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IOMMU_GET_INFO;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IOMMU_ENABLE;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_SPAPR_TCE_IOMMU;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_TYPE1_IOMMU;
import static org.devmodel.vfio.uapi.VfioStructs.VFIO_IOMMU_TYPE1_INFO;

import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.mem.StructValue;
import org.devmodel.core.proc.Credentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The backend's other operations: CHECK_EXTENSION, GET_INFO, unknown ioctls, open, groups, release. */
class BackendTest {
    private Type1Fixture fixture;
    private DmaUser user;

    @BeforeEach
    void setUp() throws KernelException {
        fixture = Type1Fixture.boot();
        user = fixture.user(Credentials.ROOT);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void itIsNamedAsInTheKernel() {
        assertThat(fixture.driver.name()).isEqualTo("vfio-iommu-type1");
    }

    @Test
    void checkExtensionAnswersOneForType1Only() throws KernelException {
        assertThat(fixture.driver.checkExtension(VFIO_TYPE1_IOMMU)).isEqualTo(1);
        assertThat(fixture.driver.checkExtension(VFIO_SPAPR_TCE_IOMMU)).isZero();
        assertThat(fixture.driver.checkExtension(3)).isZero();
        assertThat(user.ioctl(VFIO_CHECK_EXTENSION, VFIO_TYPE1_IOMMU)).isEqualTo(1);
        assertThat(user.ioctl(VFIO_CHECK_EXTENSION, 0)).isZero();
    }

    @Test
    void getInfoAnswersFlagsZeroAndVtdPageSizes() throws KernelException {
        StructValue.of(VFIO_IOMMU_TYPE1_INFO).set("argsz", 16).set("flags", 0xff).copyToUser(user.task().memory(), user.scratch());
        assertThat(user.ioctl(VFIO_IOMMU_GET_INFO, user.scratch())).isZero();
        StructValue info = StructValue.copyFromUser(user.task().memory(), user.scratch(), VFIO_IOMMU_TYPE1_INFO);
        assertThat(info.get("argsz")).isEqualTo(16);
        assertThat(info.get("flags")).isZero();
        assertThat(info.get("iova_pgsizes")).isEqualTo(0xffff_ffff_ffff_f000L);
    }

    @Test
    void getInfoWithArgszBelow16IsEinval() throws KernelException {
        StructValue.of(VFIO_IOMMU_TYPE1_INFO).set("argsz", 15).copyToUser(user.task().memory(), user.scratch());
        assertErrno(Errno.EINVAL, () -> user.ioctl(VFIO_IOMMU_GET_INFO, user.scratch()));
        assertThat(user.task().memory().load(user.scratch() + 8, 8)).isZero();
    }

    @Test
    void getInfoOutsideTheProcessIsEfault() {
        assertErrno(Errno.EFAULT, () -> user.ioctl(VFIO_IOMMU_GET_INFO, 0x1000));
    }

    @Test
    void anUnknownIoctlIsEnotty() {
        assertErrno(Errno.ENOTTY, () -> user.ioctl(VFIO_IOMMU_ENABLE, 0));
    }

    @Test
    void openRefusesOtherTypes() {
        assertErrno(Errno.EINVAL, () -> fixture.driver.open(VFIO_SPAPR_TCE_IOMMU));
    }

    @Test
    void theSameGroupTwiceIsEinval() throws KernelException {
        fixture.device("dev0", 3);
        fixture.type1.attachGroup(fixture.group(3));
        assertErrno(Errno.EINVAL, () -> fixture.type1.attachGroup(fixture.group(3)));
    }

    @Test
    void aGroupHeldByAnotherContainerIsTheIommusError() throws KernelException {
        fixture.device("dev0", 3);
        fixture.type1.attachGroup(fixture.group(3));
        Type1Iommu other = (Type1Iommu) fixture.driver.open(VFIO_TYPE1_IOMMU);
        assertErrno(Errno.EBUSY, () -> other.attachGroup(fixture.group(3)));
    }

    @Test
    void detachingAGroupNotAttachedIsSilentAndReleaseFreesTheGroups() throws KernelException {
        fixture.device("dev0", 3);
        fixture.type1.detachGroup(fixture.group(3));
        fixture.type1.attachGroup(fixture.group(3));
        fixture.type1.release();
        Type1Iommu other = (Type1Iommu) fixture.driver.open(VFIO_TYPE1_IOMMU);
        other.attachGroup(fixture.group(3));
    }

    @Test
    void releaseTearsDownEveryMapping() throws KernelException {
        long buf = user.buffer(4);
        user.map(buf, 0x10000, 4096, VFIO_DMA_MAP_FLAG_READ);
        user.map(buf + 2 * 4096, 0x20000, 4096, VFIO_DMA_MAP_FLAG_READ);
        fixture.type1.release();
        assertThat(fixture.type1.mappings()).isEmpty();
    }

    @Test
    void theSnapshotSectionListsOpenContainersMappingsAndLockedPages() throws KernelException {
        long buf = user.buffer(4);
        user.map(buf, 0x10000, 2 * 4096, VFIO_DMA_MAP_FLAG_READ);

        assertThat(fixture.driver.entries()).containsExactly(
                "container 1: 0x10000+0x2000 -> 0x" + Long.toHexString(buf) + " r-", "locked_vm 2 pages");
        fixture.type1.release();
        assertThat(fixture.driver.entries()).isEmpty();
    }
}
