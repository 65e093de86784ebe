package org.devmodel.cli.conform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.devmodel.pci.PciAddress;
import org.junit.jupiter.api.Test;

class QemuMachineTest {
    private static final ConformSetup SETUP = new ConformSetup(Path.of("/c/vmlinuz"), Path.of("/c/kernel"),
            "6.1.0-50-amd64", Path.of("/c/initramfs.cpio.gz"), Path.of("/usr/bin/qemu-system-x86_64"), "tcg");

    /** The default platform (pci's default-platform.txt). */
    private static final List<PlatformFunction> DEFAULT = List.of(edu("0000:00:03.0", 3), edu("0000:01:00.0", 5),
            edu("0000:01:00.1", 5), edu("0000:02:00.0", 7), host("0000:02:00.1", 7), host("0000:03:00.0", 9),
            edu("0000:03:00.1", 9));

    @Test
    void theDefaultPlatformIsMirroredSlotForSlotBehindRootPortsInBusOrder() throws GuestFailure {
        List<String> devices = devices(QemuMachine.arguments(SETUP, DEFAULT, Path.of("/tmp/out")));

        assertThat(devices).containsExactly(
                "intel-iommu,intremap=on",
                "pcie-root-port,id=rp1,chassis=1,slot=1,addr=01.0",
                "pcie-root-port,id=rp2,chassis=2,slot=2,addr=02.0",
                "pcie-root-port,id=rp3,chassis=3,slot=3,addr=04.0",
                "edu,addr=03.0",
                "edu,bus=rp1,addr=00.0,multifunction=on",
                "edu,bus=rp1,addr=00.1",
                "edu,bus=rp2,addr=00.0,multifunction=on",
                "pci-serial,bus=rp2,addr=00.1",
                "pci-serial,bus=rp3,addr=00.0,multifunction=on",
                "edu,bus=rp3,addr=00.1",
                "virtio-9p-pci,fsdev=hostroot,mount_tag=hostroot,addr=05.0",
                "virtio-9p-pci,fsdev=out,mount_tag=out,addr=06.0");
    }

    @Test
    void theMachineHasAnIommuWithInterruptRemappingAndTheSetUpsKernel() throws GuestFailure {
        List<String> args = QemuMachine.arguments(SETUP, DEFAULT, Path.of("/tmp/out"));

        assertThat(String.join(" ", args)).contains("-accel tcg -machine q35", "-kernel /c/vmlinuz",
                "-initrd /c/initramfs.cpio.gz", "intel_iommu=on", "-serial file:/tmp/out/console.log",
                "path=/,readonly=on", "path=/tmp/out,");
    }

    @Test
    void whatQ35CannotHoldIsRefusedWithTheAddress() {
        assertThatThrownBy(() -> QemuMachine.arguments(SETUP, List.of(edu("0001:00:03.0", 1)), Path.of("/o")))
                .hasMessage("0001:00:03.0: QEMU's q35 has PCI domain 0 only");
        assertThatThrownBy(() -> QemuMachine.arguments(SETUP, List.of(edu("0000:01:02.0", 1)), Path.of("/o")))
                .hasMessage("0000:01:02.0: behind a root port only slot 0 exists");
        assertThatThrownBy(() -> QemuMachine.arguments(SETUP, List.of(edu("0000:00:1f.0", 1)), Path.of("/o")))
                .hasMessage("0000:00:1f.0: q35 has its own function at this slot");
        assertThatThrownBy(() -> QemuMachine.arguments(SETUP,
                List.of(new PlatformFunction(PciAddress.parse("0000:00:04.0"), 1, "nvme")), Path.of("/o")))
                .hasMessage("0000:00:04.0: QEMU has no device for model 'nvme'");
    }

    private static List<String> devices(List<String> args) {
        List<String> devices = new ArrayList<>();
        for (int i = 0; i < args.size() - 1; i++) {
            if (args.get(i).equals("-device")) {
                devices.add(args.get(i + 1));
            }
        }
        return devices;
    }

    private static PlatformFunction edu(String address, int group) {
        return new PlatformFunction(PciAddress.parse(address), group, "edu");
    }

    private static PlatformFunction host(String address, int group) {
        return new PlatformFunction(PciAddress.parse(address), group, "host");
    }
}
