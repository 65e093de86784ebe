package org.devmodel.pci.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.devmodel.core.Errno;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.fault.FaultRule;
import org.devmodel.pci.Pci;
import org.devmodel.pci.PciDeviceId;
import org.devmodel.pci.PciFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BindingTest {
    private Kernel kernel;
    private Pci pci;
    private TestDriver stub;

    @BeforeEach
    void boot() throws KernelException {
        kernel = Kernel.boot();
        pci = kernel.subsystem(Pci.class).orElseThrow();
        stub = new TestDriver("pci-stub");
        pci.registerDriver(stub);
    }

    @AfterEach
    void shutdown() {
        kernel.close();
    }

    private String driverOf(String address) {
        return pci.function(address).orElseThrow().device().driver().map(d -> d.name()).orElse("-");
    }

    @Test
    void aDriverWithoutIdsBindsNothingAndItsSysfsDirectoryFollowsRegistration() {
        assertThat(stub.events).isEmpty();
        assertThat(kernel.vfs().exists("/sys/bus/pci/drivers/pci-stub")).isTrue();
        pci.unregisterDriver(stub);
        assertThat(kernel.vfs().exists("/sys/bus/pci/drivers/pci-stub")).isFalse();
    }

    @Test
    void newIdBindsEveryUnboundMatchingFunction() throws KernelException {
        pci.newId("pci-stub", 0x1234, 0x11e8);

        assertThat(stub.events).containsExactly("probe 0000:00:03.0", "probe 0000:01:00.0", "probe 0000:01:00.1",
                "probe 0000:02:00.0", "probe 0000:03:00.1");
        assertThat(driverOf("0000:02:00.1")).isEqualTo("snd_hda_intel");
        assertThat(kernel.vfs().readText("/sys/bus/pci/devices/0000:01:00.1/driver")).isEqualTo("pci-stub\n");
    }

    @Test
    void newIdLeavesAFunctionOverriddenToAnotherDriver() throws KernelException {
        pci.setDriverOverride("0000:00:03.0", "vfio-pci");
        pci.newId("pci-stub", 0x1234, 0x11e8);
        assertThat(driverOf("0000:00:03.0")).isEqualTo("-");
        assertThat(driverOf("0000:01:00.0")).isEqualTo("pci-stub");
    }

    @Test
    void driverOverrideThenBindBindsOneFunction() throws KernelException {
        pci.setDriverOverride("0000:01:00.1", "pci-stub");
        assertThat(kernel.vfs().readText("/sys/bus/pci/devices/0000:01:00.1/driver_override")).isEqualTo("pci-stub\n");

        pci.bind("pci-stub", "0000:01:00.1");

        assertThat(stub.events).containsExactly("probe 0000:01:00.1");
        assertThat(driverOf("0000:01:00.0")).isEqualTo("-");
        assertThat(driverOf("0000:01:00.1")).isEqualTo("pci-stub");
    }

    @Test
    void bindWithoutAMatchOrOverrideIsEnodev() {
        assertThatThrownBy(() -> pci.bind("pci-stub", "0000:00:03.0")).isInstanceOfSatisfying(KernelException.class,
                e -> assertThat(e.errno()).isEqualTo(Errno.ENODEV));
        assertThatThrownBy(() -> pci.bind("pci-stub", "0000:0f:00.0")).isInstanceOfSatisfying(KernelException.class,
                e -> assertThat(e.errno()).isEqualTo(Errno.ENODEV));
    }

    @Test
    void bindingToADriverThatIsNotRegisteredIsEnoent() throws KernelException {
        pci.setDriverOverride("0000:00:03.0", "vfio-pci");
        assertThatThrownBy(() -> pci.bind("vfio-pci", "0000:00:03.0")).isInstanceOfSatisfying(KernelException.class,
                e -> assertThat(e.errno()).isEqualTo(Errno.ENOENT));
        assertThatThrownBy(() -> pci.newId("vfio-pci", 0x1234, 0x11e8)).isInstanceOfSatisfying(KernelException.class,
                e -> assertThat(e.errno()).isEqualTo(Errno.ENOENT));
        pci.unregisterDriver(stub);
        assertThatThrownBy(() -> pci.bind("pci-stub", "0000:00:03.0")).isInstanceOfSatisfying(KernelException.class,
                e -> assertThat(e.errno()).isEqualTo(Errno.ENOENT));
    }

    @Test
    void unbindAndUnregisterRemoveTheDriverAndItsSysfsLink() throws KernelException {
        pci.newId("pci-stub", 0x1234, 0x11e8);
        pci.unbind("pci-stub", "0000:00:03.0");
        assertThat(kernel.vfs().exists("/sys/bus/pci/devices/0000:00:03.0/driver")).isFalse();
        assertThatThrownBy(() -> pci.unbind("pci-stub", "0000:00:03.0")).isInstanceOfSatisfying(KernelException.class,
                e -> assertThat(e.errno()).isEqualTo(Errno.ENODEV));

        pci.unregisterDriver(stub);

        assertThat(stub.events).containsExactly("probe 0000:00:03.0", "probe 0000:01:00.0", "probe 0000:01:00.1",
                "probe 0000:02:00.0", "probe 0000:03:00.1", "remove 0000:00:03.0", "remove 0000:01:00.0",
                "remove 0000:01:00.1", "remove 0000:02:00.0", "remove 0000:03:00.1");
        assertThat(driverOf("0000:01:00.0")).isEqualTo("-");
    }

    @Test
    void aStaticIdTableMatchesAHostFunctionOnceItsHostDriverLetsGo() throws KernelException {
        TestDriver audio = new TestDriver("audio", new PciDeviceId(0x8086, 0x293e));
        pci.registerDriver(audio);
        assertThat(audio.events).isEmpty();

        pci.unbind("snd_hda_intel", "0000:02:00.1");
        pci.bind("audio", "0000:02:00.1");

        assertThat(audio.events).containsExactly("probe 0000:02:00.1");
    }

    @Test
    void pciRegisterDriverIsAFaultSite() {
        kernel.faults().arm(FaultRule.atSite("pci_register_driver"));
        TestDriver failing = new TestDriver("failing");

        assertThatThrownBy(() -> pci.registerDriver(failing)).isInstanceOfSatisfying(KernelException.class,
                e -> assertThat(e.errno()).isEqualTo(Errno.ENOMEM));
        assertThat(kernel.vfs().exists("/sys/bus/pci/drivers/failing")).isFalse();
        PciFunction function = pci.function("0000:00:03.0").orElseThrow();
        assertThat(function.device().driver()).isEmpty();
    }
}
