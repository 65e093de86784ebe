package org.devmodel.vfio.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devmodel.vfio.internal.VfioUser.assertErrno;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_API_VERSION;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_CHECK_EXTENSION;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_DEVICE_RESET;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_GET_API_VERSION;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_GROUP_FLAGS_CONTAINER_SET;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_GROUP_FLAGS_VIABLE;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IOMMU_GET_INFO;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_SET_IOMMU;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_SPAPR_TCE_IOMMU;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_TYPE1_IOMMU;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.device.Device;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The canonical sequence of Documentation/vfio.txt through a process's system calls, and every
 * order of closing the container, group and device fds.
 */
class VfioSequenceTest {
    private static final String DEVICE = "0000:06:0d.0";
    private static final int GROUP = 26;

    private VfioHarness harness;
    private FixtureBackend backend;
    private VfioUser user;
    private Device dev;

    @BeforeEach
    void setUp() throws KernelException {
        harness = VfioHarness.withBackend();
        backend = harness.backend;
        dev = harness.vfioDevice(DEVICE, GROUP);
        user = new VfioUser(harness.process());
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    /** The fds of one user of a device, by name. */
    private Map<String, Integer> documentedSequence() throws KernelException {
        int container = user.openContainer();
        assertThat(user.sys().ioctl(container, VFIO_GET_API_VERSION, 0)).isEqualTo(VFIO_API_VERSION);
        assertThat(user.sys().ioctl(container, VFIO_CHECK_EXTENSION, VFIO_TYPE1_IOMMU)).isEqualTo(1);
        assertThat(user.sys().ioctl(container, VFIO_CHECK_EXTENSION, VFIO_SPAPR_TCE_IOMMU)).isZero();
        int group = user.openGroup(GROUP);
        assertThat(user.status(group)).isEqualTo(VFIO_GROUP_FLAGS_VIABLE);
        user.setContainer(group, container);
        assertThat(user.status(group)).isEqualTo(VFIO_GROUP_FLAGS_VIABLE | VFIO_GROUP_FLAGS_CONTAINER_SET);
        assertThat(user.sys().ioctl(container, VFIO_SET_IOMMU, VFIO_TYPE1_IOMMU)).isZero();
        assertThat(user.sys().ioctl(container, VFIO_IOMMU_GET_INFO, user.page())).isEqualTo(FixtureBackend.INFO_ANSWER);
        int device = user.deviceFd(group, DEVICE);
        assertThat(user.sys().ioctl(device, VFIO_DEVICE_RESET, 0)).isZero();
        return Map.of("container", container, "group", group, "device", device);
    }

    @Test
    void theDocumentedSequenceOpensTheBackendAttachesTheGroupAndOpensTheDevice() throws KernelException {
        documentedSequence();

        assertThat(backend.calls()).containsExactly("open 1", "attach 26");
        assertThat(harness.busDriver.calls()).containsExactly("open " + DEVICE);
        assertThat(harness.modules.references(VfioHarness.BACKEND_MODULE)).as("container pins the backend").isEqualTo(1);
        assertThat(harness.modules.references("vfio")).as("three files pin vfio").isEqualTo(3);
    }

    @Test
    void theRegistryListsTheFilesOfADevicesOpenFdsUntilTheirRelease() throws KernelException {
        assertThat(harness.vfio.deviceFiles(dev)).isEmpty();
        Map<String, Integer> fds = documentedSequence();
        int second = user.deviceFd(fds.get("group"), DEVICE);
        assertThat(harness.vfio.deviceFiles(dev)).hasSize(2).doesNotHaveDuplicates();
        user.sys().close(fds.get("device"));
        assertThat(harness.vfio.deviceFiles(dev)).hasSize(1);
        user.sys().close(second);
        assertThat(harness.vfio.deviceFiles(dev)).isEmpty();
        assertThat(harness.vfio.deviceFiles(harness.device("plain", 9))).as("not a VFIO device").isEmpty();
    }

    @Test
    void theNodesAreTheSeedsControlNodeAndAGroupNodeWithMinorZero() throws KernelException {
        assertThat(harness.kernel.vfs().stat("/dev/vfio/vfio").permissions()).isEqualTo(0666);
        assertThat(harness.kernel.vfs().stat("/dev/vfio/vfio").rdev()).contains(org.devmodel.core.DevT.of(10, 196));
        var group = harness.kernel.vfs().stat("/dev/vfio/" + GROUP);
        assertThat(group.permissions()).isEqualTo(0600);
        assertThat(group.uid()).isZero();
        assertThat(group.rdev().orElseThrow().minor()).isZero();
        assertThat(harness.kernel.vfs().readText("/proc/devices"))
                .contains(group.rdev().orElseThrow().major() + " vfio\n");
    }

    static Stream<List<String>> closeOrders() {
        return Stream.of(
                List.of("container", "group", "device"), List.of("container", "device", "group"),
                List.of("group", "container", "device"), List.of("group", "device", "container"),
                List.of("device", "container", "group"), List.of("device", "group", "container"));
    }

    @ParameterizedTest
    @MethodSource("closeOrders")
    void closingInAnyOrderDissolvesTheGroupFromItsContainerOnlyAtTheLastGroupOrDeviceFd(List<String> order)
            throws KernelException {
        Map<String, Integer> fds = documentedSequence();
        boolean groupClosed = false;
        boolean deviceClosed = false;
        for (String which : order) {
            user.sys().close(fds.get(which));
            groupClosed |= which.equals("group");
            deviceClosed |= which.equals("device");
            boolean attached = !(groupClosed && deviceClosed);
            assertThat(backend.calls().contains("release")).as("released after closing " + which).isEqualTo(!attached);
        }

        assertThat(backend.calls()).containsExactly("open 1", "attach 26", "detach 26", "release");
        assertThat(harness.busDriver.calls()).containsExactly("open " + DEVICE, "release " + DEVICE);
        assertThat(harness.modules.references(VfioHarness.BACKEND_MODULE)).isZero();
        assertThat(harness.modules.references("vfio")).isZero();
        int reopened = user.openGroup(GROUP);
        assertThat(user.status(reopened)).isEqualTo(VFIO_GROUP_FLAGS_VIABLE);
    }

    @Test
    void aClosedGroupCannotBeReopenedWhileItsDeviceFdKeepsItInTheContainer() throws KernelException {
        Map<String, Integer> fds = documentedSequence();
        user.sys().close(fds.get("group"));

        assertErrno(Errno.EBUSY, () -> user.openGroup(GROUP));
        assertThat(user.sys().ioctl(fds.get("container"), VFIO_IOMMU_GET_INFO, user.page()))
                .as("the container keeps its backend").isEqualTo(FixtureBackend.INFO_ANSWER);
        user.sys().close(fds.get("device"));
        assertThat(user.status(user.openGroup(GROUP))).isEqualTo(VFIO_GROUP_FLAGS_VIABLE);
    }

    @Test
    void removingTheLastGroupDeprivilegesTheContainerWhichCanBeSetAgain() throws KernelException {
        Map<String, Integer> fds = documentedSequence();
        user.sys().close(fds.get("device"));
        user.sys().ioctl(fds.get("group"), org.devmodel.vfio.uapi.VfioIoctls.VFIO_GROUP_UNSET_CONTAINER, 0);

        assertErrno(Errno.EINVAL, () -> user.sys().ioctl(fds.get("container"), VFIO_IOMMU_GET_INFO, user.page()));
        user.setContainer(fds.get("group"), fds.get("container"));
        assertThat(user.sys().ioctl(fds.get("container"), VFIO_SET_IOMMU, VFIO_TYPE1_IOMMU)).isZero();
        assertThat(backend.calls()).containsExactly("open 1", "attach 26", "detach 26", "release", "open 1", "attach 26");
    }
}
