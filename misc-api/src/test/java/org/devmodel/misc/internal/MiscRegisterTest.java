package org.devmodel.misc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.devmodel.core.DevT;
import org.devmodel.core.Errno;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.device.Uevent;
import org.devmodel.core.fault.FaultRule;
import org.devmodel.core.fault.LedgerEvent;
import org.devmodel.core.fs.FileOperations;
import org.devmodel.core.fs.FileType;
import org.devmodel.core.log.LogLevel;
import org.devmodel.core.snapshot.KernelSnapshot;
import org.devmodel.misc.MiscDevice;
import org.devmodel.misc.MiscMinors;
import org.devmodel.misc.MiscRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MiscRegisterTest {
    private static final FileOperations FOPS = new FileOperations() { };

    private Kernel kernel;
    private MiscRegistry misc;

    @BeforeEach
    void boot() throws KernelException {
        kernel = Kernel.boot();
        misc = MiscRegistry.of(kernel);
    }

    @AfterEach
    void shutDown() {
        kernel.close();
    }

    private static MiscDevice device(int minor, String name) {
        return MiscDevice.builder(minor, name, FOPS).build();
    }

    private MiscDevice registered(int minor, String name) throws KernelException {
        MiscDevice device = device(minor, name);
        misc.register(device);
        return device;
    }

    @Test
    void bootFindsTheSubsystemThroughServiceLoaderAndRegistersMajor10AndClassMisc() throws KernelException {
        assertThat(misc).isInstanceOf(Misc.class);
        assertThat(kernel.vfs().readText("/proc/devices")).contains("\n 10 misc\n");
        assertThat(kernel.vfs().exists("/sys/class/misc")).isTrue();
        assertThat(kernel.vfs().readText("/proc/misc")).isEmpty();
        assertThat(kernel.snapshot().section("cdevs")).contains("10:0+256");
    }

    @Test
    void aStaticMinorWithNodeNameAndModeGetsThatNodeAndDevmode() throws KernelException {
        List<Uevent> events = new ArrayList<>();
        kernel.devices().ueventListen(events::add);
        MiscDevice vfio = MiscDevice.builder(MiscMinors.VFIO_MINOR, "vfio", FOPS).nodename("vfio/vfio").mode(0666).build();
        misc.register(vfio);
        kernel.settle();
        assertThat(vfio.minor()).isEqualTo(196);
        assertThat(vfio.thisDevice()).map(d -> d.devt().orElseThrow()).contains(DevT.of(10, 196));
        assertThat(kernel.vfs().stat("/dev/vfio/vfio").rdev()).contains(DevT.of(10, 196));
        assertThat(kernel.vfs().stat("/dev/vfio/vfio").permissions()).isEqualTo(0666);
        assertThat(events).singleElement().satisfies(e -> assertThat(e.environment())
                .containsEntry("MAJOR", "10").containsEntry("MINOR", "196")
                .containsEntry("DEVNAME", "vfio/vfio").containsEntry("DEVMODE", "0666"));
        assertThat(kernel.vfs().readText("/proc/misc")).isEqualTo("196 vfio\n");
        assertThat(kernel.snapshot().section("misc")).containsExactly("196 vfio");
    }

    @Test
    void withoutNodeNameOrModeTheNodeIsTheNameWithMode0600AndNoDevmode() throws KernelException {
        List<Uevent> events = new ArrayList<>();
        kernel.devices().ueventListen(events::add);
        registered(MiscMinors.TUN_MINOR, "tun");
        kernel.settle();
        assertThat(kernel.vfs().stat("/dev/tun").permissions()).isEqualTo(0600);
        assertThat(events).singleElement().satisfies(e -> assertThat(e.environment())
                .containsEntry("DEVNAME", "tun").doesNotContainKey("DEVMODE"));
    }

    @Test
    void dynamicMinorsAreWrittenBackFrom63DownAndProcMiscListsNewestFirst() throws KernelException {
        MiscDevice first = registered(MiscMinors.MISC_DYNAMIC_MINOR, "first");
        registered(MiscMinors.KVM_MINOR, "kvm");
        MiscDevice second = registered(MiscMinors.MISC_DYNAMIC_MINOR, "second");
        assertThat(first.minor()).isEqualTo(63);
        assertThat(second.minor()).isEqualTo(62);
        assertThat(kernel.vfs().stat("/dev/second").rdev()).contains(DevT.of(10, 62));
        assertThat(kernel.vfs().readText("/proc/misc")).isEqualTo(" 62 second\n232 kvm\n 63 first\n");
        assertThat(kernel.snapshot().section("misc")).containsExactly("62 second", "232 kvm", "63 first");
    }

    @Test
    void aTakenStaticMinorIsEbusyAndLeavesTheFirstDevice() throws KernelException {
        registered(MiscMinors.VFIO_MINOR, "vfio");
        long mark = kernel.ledger().mark();
        assertThatThrownBy(() -> registered(MiscMinors.VFIO_MINOR, "other"))
                .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EBUSY));
        assertThat(kernel.ledger().since(mark)).isEmpty();
        assertThat(kernel.vfs().exists("/dev/other")).isFalse();
        assertThat(kernel.vfs().readText("/proc/misc")).isEqualTo("196 vfio\n");
    }

    @Test
    void the65thDynamicMinorIsEbusyUntilOneIsDeregistered() throws KernelException {
        List<MiscDevice> all = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            all.add(registered(MiscMinors.MISC_DYNAMIC_MINOR, "dyn" + i));
        }
        assertThat(all.get(63).minor()).isZero();
        assertThatThrownBy(() -> registered(MiscMinors.MISC_DYNAMIC_MINOR, "one-too-many"))
                .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EBUSY));
        assertThat(misc.deregister(all.get(23))).isZero();
        assertThat(registered(MiscMinors.MISC_DYNAMIC_MINOR, "again").minor()).isEqualTo(40);
    }

    @Test
    void deregisterRemovesTheDeviceAndItsNodeAndFreesTheDynamicMinor() throws KernelException {
        KernelSnapshot before = kernel.snapshot();
        MiscDevice hello = MiscDevice.builder(MiscMinors.MISC_DYNAMIC_MINOR, "hello", FOPS).nodename("demo/hello").build();
        misc.register(hello);
        assertThat(misc.deregister(hello)).isZero();
        assertThat(hello.thisDevice()).isEmpty();
        assertThat(kernel.vfs().exists("/dev/demo")).isFalse();
        assertThat(kernel.vfs().readText("/proc/misc")).isEmpty();
        assertThat(kernel.snapshot()).isEqualTo(before);
        assertThat(registered(MiscMinors.MISC_DYNAMIC_MINOR, "next").minor()).isEqualTo(63);
    }

    @Test
    void deregisterLeavesAStaticNodeFromModulesDevnameButUdevHasAppliedDevmode() throws KernelException {
        kernel.vfs().devtmpfs().createStaticNode("hello", FileType.CHAR_DEVICE, DevT.of(10, 245));
        MiscDevice hello = MiscDevice.builder(245, "hello", FOPS).mode(0666).build();
        misc.register(hello);
        kernel.settle();
        assertThat(kernel.vfs().stat("/dev/hello").permissions()).isEqualTo(0666);
        misc.deregister(hello);
        assertThat(kernel.vfs().stat("/dev/hello").rdev()).contains(DevT.of(10, 245));
    }

    @Test
    void deregisterOfADeviceNeverRegisteredWarnsAndIsEinval() {
        long mark = kernel.ledger().mark();
        assertThat(misc.deregister(device(MiscMinors.VFIO_MINOR, "vfio"))).isEqualTo(-22);
        assertThat(kernel.ledger().since(mark)).isEmpty();
        assertThat(kernel.log().records()).anySatisfy(r -> {
            assertThat(r.level()).isEqualTo(LogLevel.WARNING);
            assertThat(r.text()).contains("misc_deregister", "misc 196 vfio");
        });
    }

    @Test
    void aDeviceCreateFailureUnwindsAndFreesTheDynamicMinorButLeavesItWritten() throws KernelException {
        KernelSnapshot before = kernel.snapshot();
        long mark = kernel.ledger().mark();
        kernel.faults().arm(FaultRule.atSite("device_create"));
        MiscDevice failed = device(MiscMinors.MISC_DYNAMIC_MINOR, "failed");
        assertThatThrownBy(() -> misc.register(failed))
                .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOMEM));
        assertThat(failed.minor()).isEqualTo(63);
        assertThat(failed.thisDevice()).isEmpty();
        assertThat(kernel.ledger().since(mark)).isEmpty();
        assertThat(kernel.snapshot()).isEqualTo(before);
        assertThat(registered(MiscMinors.MISC_DYNAMIC_MINOR, "next").minor()).isEqualTo(63);
    }

    @Test
    void aNameInUseIsEexistFromDeviceCreateAndFreesTheDynamicMinor() throws KernelException {
        registered(MiscMinors.MISC_DYNAMIC_MINOR, "twin");
        assertThatThrownBy(() -> registered(MiscMinors.MISC_DYNAMIC_MINOR, "twin"))
                .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EEXIST));
        assertThat(registered(MiscMinors.MISC_DYNAMIC_MINOR, "other").minor()).isEqualTo(62);
    }

    @Test
    void miscRegisterIsAFaultSiteFailingWithEbusy() {
        kernel.faults().arm(FaultRule.atSite("misc_register"));
        assertThatThrownBy(() -> registered(MiscMinors.VFIO_MINOR, "vfio"))
                .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EBUSY));
        assertThat(kernel.vfs().exists("/dev/vfio")).isFalse();
    }

    @Test
    void theLedgerNestsDeviceCreateUnderMiscRegisterAndPairsTheRelease() throws KernelException {
        long mark = kernel.ledger().mark();
        MiscDevice vfio = registered(MiscMinors.VFIO_MINOR, "vfio");
        misc.deregister(vfio);
        List<LedgerEvent> events = kernel.ledger().since(mark);
        assertThat(events).extracting(LedgerEvent::toString).containsExactly(
                "acquire device_create(" + events.get(0).resource() + ") by kernel",
                "acquire misc_register(misc 196 vfio) by kernel",
                "release misc_deregister(misc 196 vfio) by kernel",
                "release device_destroy(" + events.get(0).resource() + ") by kernel");
        assertThat(events.get(0).parentScope()).isEqualTo(events.get(1).scope());
        assertThat(events.get(1).nested()).isFalse();
        assertThat(events.get(3).parentScope()).isEqualTo(events.get(2).scope());
        assertThat(kernel.ledger().outstanding(LedgerEvent.KERNEL)).extracting(LedgerEvent::site)
                .doesNotContain("misc_register", "device_create");
    }
}
