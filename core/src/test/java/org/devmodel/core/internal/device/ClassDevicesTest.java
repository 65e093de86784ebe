package org.devmodel.core.internal.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devmodel.core.internal.Errnos.errnoOf;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.devmodel.core.DevT;
import org.devmodel.core.Errno;
import org.devmodel.core.Kernel;
import org.devmodel.core.device.DevnodeCallback;
import org.devmodel.core.device.DevnodeSpec;
import org.devmodel.core.device.Device;
import org.devmodel.core.device.DeviceClass;
import org.devmodel.core.device.Uevent;
import org.devmodel.core.fs.FileType;
import org.devmodel.core.fs.Stat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** class_create, device_create and device_destroy through the public driver model. */
class ClassDevicesTest {
    private Kernel kernel;
    private final List<Uevent> uevents = new CopyOnWriteArrayList<>();

    @BeforeEach
    void boot() throws Exception {
        kernel = Kernel.boot();
        kernel.devices().ueventListen(uevents::add);
    }

    @AfterEach
    void shutdown() {
        kernel.close();
    }

    @Test
    void aSecondClassOfTheSameNameIsEexistAndTheFirstStays() throws Exception {
        DeviceClass first = kernel.devices().classCreate("demo", DevnodeCallback.NONE);

        assertThat(errnoOf(() -> kernel.devices().classCreate("demo", DevnodeCallback.NONE))).isEqualTo(Errno.EEXIST);
        assertThat(kernel.log().dmesg()).contains("sysfs: cannot create duplicate filename '/class/demo'");
        assertThat(kernel.vfs().list("/sys/class")).containsExactly("demo");
        kernel.devices().deviceCreate(first, null, DevT.of(240, 0), null, "demo0");
    }

    @Test
    void aDestroyedClassNameCanBeCreatedAgain() throws Exception {
        DeviceClass cls = kernel.devices().classCreate("demo", DevnodeCallback.NONE);
        kernel.devices().classDestroy(cls);

        assertThat(kernel.vfs().exists("/sys/class/demo")).isFalse();
        kernel.devices().classCreate("demo", DevnodeCallback.NONE);
        assertThat(kernel.vfs().exists("/sys/class/demo")).isTrue();
    }

    @Test
    void aDuplicateDeviceNameInOneClassIsEexist() throws Exception {
        DeviceClass cls = kernel.devices().classCreate("demo", DevnodeCallback.NONE);
        kernel.devices().deviceCreate(cls, null, DevT.of(240, 0), null, "demo0");

        assertThat(errnoOf(() -> kernel.devices().deviceCreate(cls, null, DevT.of(240, 1), null, "demo0")))
                .isEqualTo(Errno.EEXIST);
        assertThat(kernel.devices().classDevices()).extracting(Device::name).containsExactly("demo0");
        assertThat(kernel.vfs().exists("/dev/demo0")).isTrue();
    }

    @Test
    void theSameDeviceNameInTwoClassesIsAllowed() throws Exception {
        DeviceClass a = kernel.devices().classCreate("a", d -> DevnodeSpec.named("a/" + d.name()));
        DeviceClass b = kernel.devices().classCreate("b", d -> DevnodeSpec.named("b/" + d.name()));

        kernel.devices().deviceCreate(a, null, DevT.of(240, 0), null, "0");
        kernel.devices().deviceCreate(b, null, DevT.of(241, 0), null, "0");

        assertThat(kernel.vfs().readText("/sys/class/a/0/dev")).isEqualTo("240:0\n");
        assertThat(kernel.vfs().readText("/sys/class/b/0/dev")).isEqualTo("241:0\n");
    }

    @Test
    void aDuplicateDeviceNumberIsEexistEvenInAnotherClass() throws Exception {
        DeviceClass a = kernel.devices().classCreate("a", DevnodeCallback.NONE);
        DeviceClass b = kernel.devices().classCreate("b", DevnodeCallback.NONE);
        kernel.devices().deviceCreate(a, null, DevT.of(240, 7), null, "first");

        assertThat(errnoOf(() -> kernel.devices().deviceCreate(b, null, DevT.of(240, 7), null, "second")))
                .isEqualTo(Errno.EEXIST);
        assertThat(kernel.vfs().exists("/dev/second")).isFalse();
        assertThat(kernel.vfs().exists("/sys/class/b/second")).isFalse();
    }

    @Test
    void aDeviceOfADestroyedClassIsEnodev() throws Exception {
        DeviceClass cls = kernel.devices().classCreate("demo", DevnodeCallback.NONE);
        kernel.devices().classDestroy(cls);

        assertThat(errnoOf(() -> kernel.devices().deviceCreate(cls, null, DevT.of(240, 0), null, "demo0")))
                .isEqualTo(Errno.ENODEV);
    }

    @Test
    void theDevAttributeHoldsMajorColonMinor() throws Exception {
        DeviceClass cls = kernel.devices().classCreate("demo", DevnodeCallback.NONE);
        kernel.devices().deviceCreate(cls, null, DevT.of(254, 1048575), null, "big");

        assertThat(kernel.vfs().readText("/sys/class/demo/big/dev")).isEqualTo("254:1048575\n");
    }

    @Test
    void withoutADevnodeTheNodeIsTheNameWithBangsAsSlashesMode0600Root() throws Exception {
        DeviceClass cls = kernel.devices().classCreate("demo", DevnodeCallback.NONE);
        kernel.devices().deviceCreate(cls, null, DevT.of(240, 3), null, "demo!three");

        Stat node = kernel.vfs().stat("/dev/demo/three");
        assertThat(node.type()).isEqualTo(FileType.CHAR_DEVICE);
        assertThat(node.permissions()).isEqualTo(0600);
        assertThat(node.uid()).isZero();
        assertThat(node.gid()).isZero();
        assertThat(node.rdev()).contains(DevT.of(240, 3));
        assertThat(kernel.vfs().stat("/dev/demo").permissions()).isEqualTo(0755);
    }

    @Test
    void theDevnodeCallbackSetsPathAndMode() throws Exception {
        DeviceClass cls = kernel.devices().classCreate("vfio", d -> new DevnodeSpec(
                java.util.Optional.of("vfio/" + d.name()), 0666));
        kernel.devices().deviceCreate(cls, null, DevT.of(254, 0), null, "7");
        kernel.settle();

        assertThat(kernel.vfs().stat("/dev/vfio/7").permissions()).isEqualTo(0666);
        assertThat(kernel.vfs().exists("/dev/7")).isFalse();
    }

    @Test
    void theAddUeventCarriesNumbersNameAndDevmodeAndTheRemoveEventFollows() throws Exception {
        DeviceClass cls = kernel.devices().classCreate("vfio", d -> new DevnodeSpec(
                java.util.Optional.of("vfio/" + d.name()), 0666));
        kernel.devices().deviceCreate(cls, null, DevT.of(254, 0), null, "3");
        kernel.devices().deviceDestroy(cls, DevT.of(254, 0));
        kernel.settle();

        assertThat(uevents).extracting(Uevent::action).containsExactly("add", "remove");
        Uevent add = uevents.get(0);
        assertThat(add.devpath()).isEqualTo("/devices/virtual/vfio/3");
        assertThat(add.environment()).containsEntry("MAJOR", "254").containsEntry("MINOR", "0")
                .containsEntry("DEVNAME", "vfio/3").containsEntry("DEVMODE", "0666");
        // dev_uevent adds DEVMODE for every action, remove included
        assertThat(uevents.get(1).environment()).containsEntry("DEVNAME", "vfio/3").containsEntry("DEVMODE", "0666");
    }

    @Test
    void withoutADevnodeModeTheAddUeventHasNoDevmode() throws Exception {
        DeviceClass cls = kernel.devices().classCreate("demo", DevnodeCallback.NONE);
        kernel.devices().deviceCreate(cls, null, DevT.of(240, 0), null, "demo0");
        kernel.settle();

        assertThat(uevents).singleElement().satisfies(e -> assertThat(e.environment())
                .containsEntry("DEVNAME", "demo0").doesNotContainKey("DEVMODE"));
    }

    @Test
    void deviceDestroyRemovesTheNodeAndSysfsEntryButNotTheClassDirectory() throws Exception {
        DeviceClass cls = kernel.devices().classCreate("demo", DevnodeCallback.NONE);
        kernel.devices().deviceCreate(cls, null, DevT.of(240, 0), null, "demo0");

        kernel.devices().deviceDestroy(cls, DevT.of(240, 0));

        assertThat(kernel.vfs().exists("/dev/demo0")).isFalse();
        assertThat(kernel.vfs().exists("/sys/class/demo/demo0")).isFalse();
        assertThat(kernel.vfs().list("/sys/class/demo")).isEmpty();
        assertThat(kernel.devices().classDevices()).isEmpty();
    }

    @Test
    void deviceDestroyOfAnUnknownNumberDoesNothing() throws Exception {
        DeviceClass cls = kernel.devices().classCreate("demo", DevnodeCallback.NONE);
        kernel.devices().deviceCreate(cls, null, DevT.of(240, 0), null, "demo0");
        long mark = kernel.ledger().mark();

        kernel.devices().deviceDestroy(cls, DevT.of(240, 1));

        assertThat(kernel.devices().classDevices()).hasSize(1);
        assertThat(kernel.ledger().since(mark)).isEmpty();
    }

    @Test
    void deviceDestroyFindsTheDeviceOnlyInItsOwnClass() throws Exception {
        DeviceClass a = kernel.devices().classCreate("a", DevnodeCallback.NONE);
        DeviceClass b = kernel.devices().classCreate("b", DevnodeCallback.NONE);
        kernel.devices().deviceCreate(a, null, DevT.of(240, 0), null, "demo0");

        kernel.devices().deviceDestroy(b, DevT.of(240, 0));

        assertThat(kernel.vfs().exists("/dev/demo0")).isTrue();
    }

    @Test
    void aDeviceNumberIsFreeAgainAfterDeviceDestroy() throws Exception {
        DeviceClass cls = kernel.devices().classCreate("demo", DevnodeCallback.NONE);
        kernel.devices().deviceCreate(cls, null, DevT.of(240, 0), null, "demo0");
        kernel.devices().deviceDestroy(cls, DevT.of(240, 0));

        kernel.devices().deviceCreate(cls, null, DevT.of(240, 0), null, "demo0");

        assertThat(kernel.vfs().exists("/dev/demo0")).isTrue();
    }

    @Test
    void theBuiltInUdevAppliesDevmodeToTheNode() throws Exception {
        DeviceClass cls = kernel.devices().classCreate("demo", d -> new DevnodeSpec(java.util.Optional.empty(), 0666));
        kernel.devices().deviceCreate(cls, null, DevT.of(240, 0), null, "demo0");
        kernel.settle();

        assertThat(kernel.vfs().stat("/dev/demo0").permissions()).isEqualTo(0666);
    }

    @Test
    void theBuiltInUdevAppliesDevmodeToAStaticNodeDevtmpfsLeftAlone() throws Exception {
        kernel.vfs().devtmpfs().createStaticNode("vfio/vfio", FileType.CHAR_DEVICE, DevT.of(10, 196));
        DeviceClass cls = kernel.devices().classCreate("misc", d -> new DevnodeSpec(
                java.util.Optional.of("vfio/vfio"), 0666));

        kernel.devices().deviceCreate(cls, null, DevT.of(10, 196), null, "vfio");
        kernel.settle();

        assertThat(kernel.vfs().stat("/dev/vfio/vfio").permissions()).isEqualTo(0666);
        assertThat(kernel.vfs().devtmpfs().staticNodes()).containsExactly("c 10:196 0666 0:0 vfio/vfio");
        assertThat(kernel.vfs().devtmpfs().kernelNodes()).isEmpty();
    }

    @Test
    void aDevnodeCallbackThatThrowsIsADriverBugReportedAsEioThatLeavesNothingBehind() throws Exception {
        DeviceClass cls = kernel.devices().classCreate("buggy", d -> {
            throw new IllegalStateException("no node for " + d.name());
        });
        var before = kernel.snapshot();

        assertThat(errnoOf(() -> kernel.devices().deviceCreate(cls, null, DevT.of(240, 0), null, "buggy0")))
                .isEqualTo(Errno.EIO);

        assertThat(kernel.log().dmesg()).contains("BUG: kernel: devnode threw java.lang.IllegalStateException");
        assertThat(kernel.snapshot()).isEqualTo(before);
        assertThat(kernel.vfs().exists("/sys/class/buggy/buggy0")).isFalse();
        assertThat(kernel.vfs().exists("/sys/class/buggy")).isTrue();
        DeviceClass good = kernel.devices().classCreate("good", DevnodeCallback.NONE);
        kernel.devices().deviceCreate(good, null, DevT.of(240, 0), null, "buggy0");
    }
}
