package org.devmodel.vfio.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devmodel.vfio.internal.VfioUser.assertErrno;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_CHECK_EXTENSION;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_GROUP_FLAGS_VIABLE;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IOMMU_GET_INFO;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_TYPE1_IOMMU;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.device.Device;
import org.devmodel.core.fault.FaultRule;
import org.devmodel.core.fault.LedgerEvent;
import org.devmodel.core.log.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Groups: their minors and nodes, their life with their devices, viability, and the backend registry. */
class VfioGroupTest {
    private VfioHarness harness;

    @BeforeEach
    void setUp() throws KernelException {
        harness = VfioHarness.loaded();
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    private int minorOf(int groupId) throws KernelException {
        return harness.kernel.vfs().stat("/dev/vfio/" + groupId).rdev().orElseThrow().minor();
    }

    private boolean nodeExists(int groupId) {
        return harness.kernel.vfs().exists("/dev/vfio/" + groupId);
    }

    private List<String> logTexts() {
        return harness.kernel.log().records().stream().map(LogRecord::text).toList();
    }

    // ---- minors and nodes ----

    @Test
    void groupMinorsStartAtZeroAndTheLowestFreeIsReusedFirst() throws KernelException {
        harness.vfioDevice("a", 7);
        Device b = harness.vfioDevice("b", 8);
        harness.vfioDevice("c", 9);
        assertThat(List.of(minorOf(7), minorOf(8), minorOf(9))).containsExactly(0, 1, 2);

        harness.kernel.devices().unbind(b);
        assertThat(nodeExists(8)).isFalse();
        harness.vfioDevice("d", 10);
        harness.vfioDevice("e", 11);

        assertThat(List.of(minorOf(10), minorOf(11))).containsExactly(1, 3);
    }

    @Test
    void twoDevicesOfOneIommuGroupMakeOneGroupThatGoesWithTheLastDevice() throws KernelException {
        Device a = harness.vfioDevice("a", 7);
        Device b = harness.vfioDevice("b", 7);
        assertThat(harness.groupMinorsInUse()).isEqualTo(1);
        assertThat(harness.kernel.vfs().list("/dev/vfio")).containsExactly("7", "vfio");

        harness.kernel.devices().unbind(a);
        assertThat(nodeExists(7)).isTrue();
        harness.kernel.devices().unbind(b);
        assertThat(nodeExists(7)).isFalse();
        assertThat(harness.groupMinorsInUse()).isZero();
    }

    @Test
    void tenThousandGroupsAreCreatedAndDestroyedWithoutLeakingAMinorOrANode() throws KernelException {
        int count = 10_000;
        List<Device> devices = new ArrayList<>(count);
        for (int id = 0; id < count; id++) {
            devices.add(harness.vfioDevice("dev" + id, id));
        }
        assertThat(harness.groupMinorsInUse()).isEqualTo(count);
        assertThat(minorOf(count - 1)).isEqualTo(count - 1);

        devices.forEach(harness.kernel.devices()::unbind);

        assertThat(harness.groupMinorsInUse()).isZero();
        assertThat(harness.kernel.vfs().list("/dev/vfio")).containsExactly("vfio");
        harness.vfioDevice("again", 123_456);
        assertThat(minorOf(123_456)).isZero();
    }

    @Test
    void aFailedMinorAllocationOrNodeCreationLeavesNoGroupBehind() throws KernelException {
        Device a = harness.device("a", 7);
        harness.kernel.faults().arm(FaultRule.atSite("idr_alloc"));
        assertErrno(Errno.ENODEV, () -> harness.bind(a, harness.busDriver));
        harness.kernel.faults().arm(FaultRule.atSite("device_create"));
        assertErrno(Errno.ENODEV, () -> harness.bind(a, harness.busDriver));
        assertThat(harness.groupMinorsInUse()).isZero();
        assertThat(nodeExists(7)).isFalse();

        harness.bind(a, harness.busDriver);
        assertThat(minorOf(7)).isZero();
    }

    // ---- vfio_add_group_dev and vfio_del_group_dev ----

    @Test
    void aDeviceWithoutAnIommuGroupIsEinvalAndOneAddedTwiceEbusy() throws KernelException {
        Device loose = harness.kernel.devices().deviceRegister(harness.bus, "loose", null);
        assertErrno(Errno.EINVAL, () -> harness.vfio.addGroupDev(loose, harness.busDriver, null));

        Device a = harness.vfioDevice("a", 7);
        assertErrno(Errno.EBUSY, () -> harness.vfio.addGroupDev(a, harness.busDriver, null));
        assertThat(logTexts()).contains("WARNING: vfio_add_group_dev(): Device a already exists on group 7");
        assertThat(harness.groupMinorsInUse()).isEqualTo(1);
    }

    @Test
    void delGroupDevWaitsUntilTheDevicesFdsAreClosed() throws Exception {
        harness.register(new FixtureBackend("fixture", (long) VFIO_TYPE1_IOMMU));
        Device a = harness.vfioDevice("a", 7);
        VfioUser user = new VfioUser(harness.process());
        int device = user.deviceFd(user.attach(7).group(), "a");

        Thread unbind = new Thread(() -> harness.kernel.devices().unbind(a), "unbind a");
        unbind.start();
        awaitWaiting(unbind);
        assertThat(a.driver()).as("still bound while the fd is open").isPresent();

        user.sys().close(device);
        unbind.join(Duration.ofSeconds(5).toMillis());
        assertThat(unbind.isAlive()).isFalse();
        assertThat(a.driver()).isEmpty();
        assertThat(harness.busDriver.calls()).containsExactly("open a", "release a");
    }

    /** Waits, boundedly, until a thread blocks. */
    private static void awaitWaiting(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (thread.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(thread.getState()).isEqualTo(Thread.State.WAITING);
    }

    // ---- viability ----

    @Test
    void aGroupIsViableWhileEveryDeviceIsUnboundWhitelistedOrVfios() throws KernelException {
        harness.vfioDevice("a", 7);
        Device b = harness.device("b", 7);
        VfioUser user = new VfioUser(harness.process());
        int group = user.openGroup(7);
        assertThat(user.status(group)).as("b unbound").isEqualTo(VFIO_GROUP_FLAGS_VIABLE);

        for (String whitelisted : List.of("pci-stub", "pcieport")) {
            harness.bind(b, harness.hostDriver(whitelisted));
            assertThat(user.status(group)).as("b on " + whitelisted).isEqualTo(VFIO_GROUP_FLAGS_VIABLE);
            harness.kernel.devices().unbind(b);
        }
        harness.bind(b, harness.hostDriver("e1000e"));
        assertThat(user.status(group)).as("b on e1000e").isZero();
        harness.kernel.devices().unbind(b);
        harness.bind(b, harness.busDriver);
        assertThat(user.status(group)).as("b on vfio").isEqualTo(VFIO_GROUP_FLAGS_VIABLE);
    }

    @Test
    void theNotifierReportsADeviceJoiningOrBoundToAForeignDriverInALiveGroup() throws KernelException {
        harness.vfioDevice("a", 7);
        Device b = harness.device("b", 7);
        VfioUser user = new VfioUser(harness.process());
        int group = user.openGroup(7);
        user.setContainer(group, user.openContainer());

        harness.device("c", 7);
        harness.bind(b, harness.hostDriver("e1000e"));

        assertThat(logTexts()).contains("WARNING: Device c added to live group 7!",
                "kernel BUG at drivers/vfio/vfio.c: vfio_iommu_group_notifier(): device b of live group 7 bound to a non-VFIO driver");
        assertThat(user.status(group) & VFIO_GROUP_FLAGS_VIABLE).isZero();
    }

    // ---- IOMMU driver registration ----

    @Test
    void aBackendRegistersOnceAsALedgerEntryOfItsModule() throws KernelException {
        FixtureBackend backend = new FixtureBackend("fixture", (long) VFIO_TYPE1_IOMMU);
        long mark = harness.kernel.ledger().mark();
        harness.register(backend);

        assertThat(harness.kernel.ledger().since(mark)).extracting(LedgerEvent::toString)
                .containsExactly("acquire vfio_register_iommu_driver(vfio_iommu_driver fixture) by vfio_iommu_type1");
        assertErrno(Errno.EINVAL, () -> harness.register(backend));

        harness.as(VfioHarness.BACKEND_MODULE, () -> {
            harness.vfio.unregisterIommuDriver(backend);
            return null;
        });
        assertThat(harness.kernel.ledger().outstanding(VfioHarness.BACKEND_MODULE)).isEmpty();
    }

    @Test
    void aFailedRegistrationLeavesTheBackendUnknown() throws KernelException {
        harness.kernel.faults().arm(FaultRule.atSite("vfio_register_iommu_driver"));
        assertErrno(Errno.EINVAL, () -> harness.register(new FixtureBackend("fixture", (long) VFIO_TYPE1_IOMMU)));

        VfioUser user = new VfioUser(harness.process());
        assertThat(user.sys().ioctl(user.openContainer(), VFIO_CHECK_EXTENSION, VFIO_TYPE1_IOMMU)).isZero();
    }

    @Test
    void anUnregisteredBackendIsNoLongerAskedButStaysWithTheContainersUsingIt() throws KernelException {
        FixtureBackend backend = new FixtureBackend("fixture", (long) VFIO_TYPE1_IOMMU);
        harness.register(backend);
        harness.vfioDevice("a", 7);
        VfioUser user = new VfioUser(harness.process());
        int container = user.attach(7).container();

        harness.vfio.unregisterIommuDriver(backend);

        assertThat(user.sys().ioctl(container, VFIO_IOMMU_GET_INFO, user.page())).isEqualTo(FixtureBackend.INFO_ANSWER);
        assertThat(user.sys().ioctl(user.openContainer(), VFIO_CHECK_EXTENSION, VFIO_TYPE1_IOMMU)).isZero();
        assertThat(harness.modules.references(VfioHarness.BACKEND_MODULE)).isEqualTo(1);
    }
}
