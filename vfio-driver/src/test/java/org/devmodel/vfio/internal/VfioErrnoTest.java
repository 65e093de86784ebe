package org.devmodel.vfio.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devmodel.vfio.internal.VfioUser.assertErrno;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_CHECK_EXTENSION;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_DEVICE_GET_INFO;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_GET_API_VERSION;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_GROUP_FLAGS_CONTAINER_SET;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_GROUP_GET_DEVICE_FD;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_GROUP_GET_STATUS;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_GROUP_SET_CONTAINER;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_GROUP_UNSET_CONTAINER;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IOMMU_MAP_DMA;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IOMMU_UNMAP_DMA;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_SET_IOMMU;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_SPAPR_TCE_IOMMU;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_TYPE1_IOMMU;

import java.nio.charset.StandardCharsets;
import org.devmodel.core.DevT;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.FileType;
import org.devmodel.core.proc.Mman;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every errno path of the container, group and device fds, each asserted by errno. */
class VfioErrnoTest {
    private static final String DEVICE = "0000:00:03.0";
    private static final int GROUP = 7;
    private static final int OTHER_GROUP = 8;
    /** An address no process maps. */
    private static final long BAD_POINTER = 0x1000;

    private VfioHarness harness;
    private FixtureBackend backend;
    private VfioUser user;
    private int container;
    private int group;

    @BeforeEach
    void setUp() throws KernelException {
        harness = VfioHarness.withBackend();
        backend = harness.backend;
        harness.vfioDevice(DEVICE, GROUP);
        harness.vfioDevice("0000:00:04.0", OTHER_GROUP);
        user = new VfioUser(harness.process());
        container = user.openContainer();
        group = user.openGroup(GROUP);
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    private long ioctl(int fd, int cmd, long arg) throws KernelException {
        return user.sys().ioctl(fd, cmd, arg);
    }

    private void setIommu() throws KernelException {
        user.setContainer(group, container);
        ioctl(container, VFIO_SET_IOMMU, VFIO_TYPE1_IOMMU);
    }

    @Nested
    class Container {
        @Test
        void anIoctlForTheBackendIsEinvalBeforeSetIommu() {
            assertErrno(Errno.EINVAL, () -> ioctl(container, VFIO_IOMMU_MAP_DMA, user.page()));
        }

        @Test
        void anIoctlTheBackendDoesNotKnowIsItsEnotty() throws KernelException {
            setIommu();
            assertErrno(Errno.ENOTTY, () -> ioctl(container, VFIO_IOMMU_UNMAP_DMA, user.page()));
        }

        @Test
        void setIommuWithoutAGroupIsEinval() {
            assertErrno(Errno.EINVAL, () -> ioctl(container, VFIO_SET_IOMMU, VFIO_TYPE1_IOMMU));
            assertThat(backend.calls()).isEmpty();
        }

        @Test
        void setIommuTwiceIsEinval() throws KernelException {
            setIommu();
            assertErrno(Errno.EINVAL, () -> ioctl(container, VFIO_SET_IOMMU, VFIO_TYPE1_IOMMU));
        }

        @Test
        void setIommuOfATypeNoBackendSupportsIsEnodev() throws KernelException {
            user.setContainer(group, container);
            assertErrno(Errno.ENODEV, () -> ioctl(container, VFIO_SET_IOMMU, VFIO_SPAPR_TCE_IOMMU));
            assertThat(harness.modules.references(VfioHarness.BACKEND_MODULE)).isZero();
        }

        @Test
        void aFailingBackendOpenIsPassedOnAndUnpinsIt() throws KernelException {
            user.setContainer(group, container);
            backend.failOpen(Errno.EPERM);
            assertErrno(Errno.EPERM, () -> ioctl(container, VFIO_SET_IOMMU, VFIO_TYPE1_IOMMU));
            assertThat(harness.modules.references(VfioHarness.BACKEND_MODULE)).isZero();
        }

        @Test
        void aFailingAttachDetachesTheGroupsAttachedInReverseAndReleasesTheBackend() throws KernelException {
            int other = user.openGroup(OTHER_GROUP);
            user.setContainer(group, container);
            user.setContainer(other, container);
            backend.failAttachOf(GROUP);

            assertErrno(Errno.EBUSY, () -> ioctl(container, VFIO_SET_IOMMU, VFIO_TYPE1_IOMMU));
            assertThat(backend.calls()).containsExactly("open 1", "attach 8", "detach 8", "release");
            assertThat(harness.modules.references(VfioHarness.BACKEND_MODULE)).isZero();
            assertErrno(Errno.EINVAL, () -> ioctl(container, VFIO_IOMMU_MAP_DMA, user.page()));
        }

        @Test
        void readWriteAndMmapAreEinvalWithoutABackendAndGoToItWithOne() throws KernelException {
            assertErrno(Errno.EINVAL, () -> user.sys().read(container, user.page(), 8));
            setIommu();
            assertThat(user.sys().read(container, user.page(), 8)).isEqualTo(8);
            assertErrno(Errno.EINVAL, () -> user.sys().write(container, user.page(), 8));
            assertErrno(Errno.EINVAL, () -> user.sys().mmap(4096, Mman.PROT_READ, Mman.MAP_SHARED, container, 0));
        }

        @Test
        void checkExtensionSkipsABackendWhoseModuleIsGoingAway() throws KernelException {
            harness.modules.goingAway(VfioHarness.BACKEND_MODULE);
            assertThat(ioctl(container, VFIO_CHECK_EXTENSION, VFIO_TYPE1_IOMMU)).isZero();
        }

        @Test
        void checkExtensionAsksEveryBackendUntilOneIsSetThenOnlyThatOne() throws KernelException {
            FixtureBackend spapr = new FixtureBackend("vfio-iommu-spapr-fixture", (long) VFIO_SPAPR_TCE_IOMMU);
            harness.register(spapr);
            assertThat(ioctl(container, VFIO_CHECK_EXTENSION, VFIO_SPAPR_TCE_IOMMU)).isEqualTo(1);
            setIommu();
            assertThat(ioctl(container, VFIO_CHECK_EXTENSION, VFIO_SPAPR_TCE_IOMMU)).isZero();
            assertThat(ioctl(container, VFIO_CHECK_EXTENSION, VFIO_TYPE1_IOMMU)).isEqualTo(1);
        }
    }

    @Nested
    class Group {
        @Test
        void openingAMinorWithoutAGroupIsEnodev() throws KernelException {
            DevT devt = harness.kernel.vfs().stat("/dev/vfio/" + GROUP).rdev().orElseThrow();
            harness.kernel.vfs().devtmpfs().createStaticNode("vfio/stale", FileType.CHAR_DEVICE,
                    DevT.of(devt.major(), 99));
            assertErrno(Errno.ENODEV, () -> user.sys().open("/dev/vfio/stale", 2));
        }

        @Test
        void openingAnOpenGroupIsEbusy() {
            assertErrno(Errno.EBUSY, () -> user.openGroup(GROUP));
        }

        @Test
        void anUnknownIoctlIsEnotty() {
            assertErrno(Errno.ENOTTY, () -> ioctl(group, VFIO_GET_API_VERSION, 0));
        }

        @Test
        void getStatusWithArgszBelowEightIsEinvalAndABadPointerEfault() {
            assertErrno(Errno.EINVAL, () -> user.status(group, 7));
            assertErrno(Errno.EFAULT, () -> ioctl(group, VFIO_GROUP_GET_STATUS, BAD_POINTER));
        }

        @Test
        void setContainerRefusesANegativeFdABadFdAnFdThatIsNoContainerAndABadPointer() {
            assertErrno(Errno.EINVAL, () -> user.setContainer(group, -1));
            assertErrno(Errno.EBADF, () -> user.setContainer(group, 99));
            assertErrno(Errno.EINVAL, () -> user.setContainer(group, group));
            assertErrno(Errno.EFAULT, () -> ioctl(group, VFIO_GROUP_SET_CONTAINER, BAD_POINTER));
        }

        @Test
        void setContainerTwiceIsEinval() throws KernelException {
            user.setContainer(group, container);
            int second = user.openContainer();
            assertErrno(Errno.EINVAL, () -> user.setContainer(group, second));
        }

        @Test
        void setContainerPassesOnTheBackendsAttachFailure() throws KernelException {
            setIommu();
            int other = user.openGroup(OTHER_GROUP);
            backend.failAttachOf(OTHER_GROUP);
            assertErrno(Errno.EBUSY, () -> user.setContainer(other, container));
            assertThat(user.status(other) & VFIO_GROUP_FLAGS_CONTAINER_SET).isZero();
        }

        @Test
        void unsetContainerIsEinvalWithoutOneAndEbusyWhileADeviceFdIsOpen() throws KernelException {
            assertErrno(Errno.EINVAL, () -> ioctl(group, VFIO_GROUP_UNSET_CONTAINER, 0));
            setIommu();
            int device = user.deviceFd(group, DEVICE);
            assertErrno(Errno.EBUSY, () -> ioctl(group, VFIO_GROUP_UNSET_CONTAINER, 0));
            user.sys().close(device);
            assertThat(ioctl(group, VFIO_GROUP_UNSET_CONTAINER, 0)).isZero();
            assertThat(backend.calls()).endsWith("detach 7", "release");
        }

        @Test
        void getDeviceFdIsEinvalWithoutAContainerOrWithoutABackend() throws KernelException {
            assertErrno(Errno.EINVAL, () -> user.deviceFd(group, DEVICE));
            user.setContainer(group, container);
            assertErrno(Errno.EINVAL, () -> user.deviceFd(group, DEVICE));
        }

        @Test
        void getDeviceFdIsEinvalWhenTheGroupIsNotViable() throws KernelException {
            harness.bind(harness.device("0000:00:03.1", GROUP), harness.hostDriver("e1000e"));
            setIommu();
            assertErrno(Errno.EINVAL, () -> user.deviceFd(group, DEVICE));
        }

        @Test
        void getDeviceFdOfAnUnknownNameIsEnodevAndAnUnterminatedOneEinval() throws KernelException {
            setIommu();
            assertErrno(Errno.ENODEV, () -> user.deviceFd(group, "0000:00:04.0"));
            user.task().memory().copyToUser(user.page(), "x".repeat(4096).getBytes(StandardCharsets.US_ASCII));
            assertErrno(Errno.EINVAL, () -> ioctl(group, VFIO_GROUP_GET_DEVICE_FD, user.page()));
            assertErrno(Errno.EFAULT, () -> ioctl(group, VFIO_GROUP_GET_DEVICE_FD, BAD_POINTER));
        }

        @Test
        void getDeviceFdPassesOnTheBusDriversOpenError() throws KernelException {
            setIommu();
            harness.busDriver.failOpen(Errno.EIO);
            assertErrno(Errno.EIO, () -> user.deviceFd(group, DEVICE));
            assertThat(ioctl(group, VFIO_GROUP_UNSET_CONTAINER, 0)).as("no container user leaked").isZero();
        }
    }

    @Nested
    class Device {
        @Test
        void operationsTheBusDriverLeftOutAreEinval() throws KernelException {
            setIommu();
            int device = user.deviceFd(group, DEVICE);
            assertThat(user.sys().read(device, user.page(), 16)).isEqualTo(16);
            assertErrno(Errno.EINVAL, () -> user.sys().write(device, user.page(), 16));
            assertErrno(Errno.EINVAL, () -> user.sys().mmap(4096, Mman.PROT_READ, Mman.MAP_SHARED, device, 0));
            assertErrno(Errno.ENOTTY, () -> ioctl(device, VFIO_DEVICE_GET_INFO, user.page()));
        }

        @Test
        void aDeviceFdIsAnAnonymousVfioDeviceFile() throws KernelException {
            setIommu();
            int device = user.deviceFd(group, DEVICE);
            try (var ref = user.task().fdget(device)) {
                assertThat(ref.file().path()).isEqualTo("anon_inode:[vfio-device]");
            }
        }
    }
}
