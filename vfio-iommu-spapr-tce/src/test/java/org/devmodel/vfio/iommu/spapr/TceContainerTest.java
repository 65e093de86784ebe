package org.devmodel.vfio.iommu.spapr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IOMMU_ENABLE;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IOMMU_MAP_DMA;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IOMMU_SPAPR_TCE_GET_INFO;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_SPAPR_TCE_IOMMU;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_TYPE1_IOMMU;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.devmodel.core.Errno;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.KernelOptions;
import org.devmodel.core.proc.Credentials;
import org.devmodel.core.proc.Task;
import org.devmodel.iommu.Iommu;
import org.devmodel.iommu.IommuGroup;
import org.devmodel.iommu.vfio.VfioIommu;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The backend without vfio, on the POWER platform: locked-memory accounting at ENABLE, the group a
 * container holds, and what a container without one answers.
 */
class TceContainerTest {
    /** The default window of 2 GiB in 4 KiB pages. */
    private static final long WINDOW_PAGES = 0x8000_0000L >>> 12;

    private Kernel kernel;
    private Iommu iommu;
    private TceIommuDriver driver;
    private Task user;

    @BeforeEach
    void boot() {
        try {
            kernel = Kernel.boot(KernelOptions.builder().commandLine("pci.machine=power").build());
        } catch (KernelException e) {
            throw new AssertionError(e);
        }
        iommu = kernel.subsystem(Iommu.class).orElseThrow();
        driver = new TceIommuDriver(kernel.log());
        user = kernel.spawn(new Credentials(1000, 1000));
    }

    @AfterEach
    void shutdown() {
        kernel.close();
    }

    private static void assertErrno(Errno errno, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(KernelException.class,
                e -> assertThat(e.errno()).as(e.getMessage()).isEqualTo(errno));
    }

    private VfioIommu containerWith(int groupId) throws KernelException {
        VfioIommu container = driver.open(VFIO_SPAPR_TCE_IOMMU);
        container.attachGroup(iommu.group(groupId));
        return container;
    }

    @Test
    void openServesTheSpaprTypeOnly() {
        assertErrno(Errno.EINVAL, () -> driver.open(VFIO_TYPE1_IOMMU));
        assertThat(kernel.log().dmesg()).contains("tce_vfio: Wrong IOMMU type");
        assertThat(driver.name()).isEqualTo("iommu-vfio-powerpc");
    }

    @Test
    void enableChargesTheWholeWindowAgainstRlimitMemlock() throws KernelException {
        VfioIommu container = containerWith(3);
        assertErrno(Errno.ENOMEM, () -> container.ioctl(user, VFIO_IOMMU_ENABLE, 0));
        assertThat(kernel.log().dmesg()).contains("RLIMIT_MEMLOCK (65536) exceeded");
        assertThat(driver.lockedVm().lockedPages(user.memory())).isZero();

        user.setMemlockLimit(0x8000_0000L);
        assertThat(container.ioctl(user, VFIO_IOMMU_ENABLE, 0)).isZero();
        assertThat(driver.lockedVm().lockedPages(user.memory())).isEqualTo(WINDOW_PAGES);

        VfioIommu second = containerWith(5);
        assertErrno(Errno.ENOMEM, () -> second.ioctl(user, VFIO_IOMMU_ENABLE, 0));
        container.release();
        assertThat(driver.lockedVm().lockedPages(user.memory())).isZero();
        assertThat(second.ioctl(user, VFIO_IOMMU_ENABLE, 0)).isZero();
    }

    @Test
    void capIpcLockPassesTheLimit() throws KernelException {
        Task root = kernel.spawn(Credentials.ROOT);
        VfioIommu container = containerWith(3);
        assertThat(container.ioctl(root, VFIO_IOMMU_ENABLE, 0)).isZero();
        assertThat(driver.lockedVm().lockedPages(root.memory())).isEqualTo(WINDOW_PAGES);
    }

    @Test
    void detachingTheGroupOfAnEnabledContainerForcesDisable() throws KernelException {
        user.setMemlockLimit(0x8000_0000L);
        VfioIommu container = containerWith(3);
        container.ioctl(user, VFIO_IOMMU_ENABLE, 0);
        assertThat(driver.entries()).as("the snapshot section")
                .containsExactly("enabled window 0x0+0x80000000, 524288 pages", "locked_vm 524288 pages");
        container.detachGroup(iommu.group(3));
        assertThat(kernel.log().dmesg()).contains("tce_vfio: detaching group #3 from enabled container, forcing disable");
        assertThat(driver.lockedVm().lockedPages(user.memory())).isZero();
        assertThat(driver.entries()).isEmpty();
        assertErrno(Errno.ENXIO, () -> container.ioctl(user, VFIO_IOMMU_ENABLE, 0));
        container.attachGroup(iommu.group(3));
    }

    @Test
    void aContainerWithoutItsGroupAnswersEnxio() throws KernelException {
        VfioIommu container = driver.open(VFIO_SPAPR_TCE_IOMMU);
        assertErrno(Errno.ENXIO, () -> container.ioctl(user, VFIO_IOMMU_ENABLE, 0));
        assertErrno(Errno.ENXIO, () -> container.ioctl(user, VFIO_IOMMU_SPAPR_TCE_GET_INFO, 0));
        assertErrno(Errno.ENXIO, () -> container.ioctl(user, VFIO_IOMMU_MAP_DMA, 0));
        container.release();
    }

    @Test
    void aGroupOwnedByOneContainerCannotJoinAnother() throws KernelException {
        VfioIommu first = containerWith(3);
        VfioIommu second = driver.open(VFIO_SPAPR_TCE_IOMMU);
        IommuGroup group = iommu.group(3);
        assertErrno(Errno.EBUSY, () -> second.attachGroup(group));
        assertThat(kernel.log().dmesg()).contains("iommu_tce: it_map is not empty");
        second.detachGroup(group);
        assertThat(kernel.log().dmesg()).contains("tce_vfio: detaching group #3, expected group is #3");
        first.release();
        second.attachGroup(group);
    }
}
