package org.devmodel.pci.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.devmodel.core.Errno;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.KernelOptions;
import org.devmodel.core.device.Device;
import org.devmodel.iommu.Iommu;
import org.devmodel.iommu.IommuGroup;
import org.devmodel.pci.Pci;
import org.devmodel.pci.PciFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultPlatformTest {
    private Kernel kernel;

    @AfterEach
    void shutdown() {
        if (kernel != null) {
            kernel.close();
        }
    }

    private static String driverOf(Pci pci, String address) {
        return pci.function(address).orElseThrow().device().driver().map(d -> d.name()).orElse("-");
    }

    @Test
    void theDefaultPlatformHasTheIssuesFunctionsGroupsAndHostDrivers() throws KernelException {
        kernel = Kernel.boot();
        Pci pci = kernel.subsystem(Pci.class).orElseThrow();
        Iommu iommu = kernel.subsystem(Iommu.class).orElseThrow();

        assertThat(pci.functions()).extracting(f -> f.address().toString() + " " + f.modelName() + " "
                + iommu.groupOf(f.device()).map(IommuGroup::id).orElse(-1) + " " + driverOf(pci, f.address().toString()))
                .containsExactly(
                        "0000:00:03.0 edu 3 -",
                        "0000:01:00.0 edu 5 -",
                        "0000:01:00.1 edu 5 -",
                        "0000:02:00.0 edu 7 -",
                        "0000:02:00.1 host 7 snd_hda_intel",
                        "0000:03:00.0 host 9 pcieport",
                        "0000:03:00.1 edu 9 -");
        assertThat(iommu.groups()).extracting(IommuGroup::id).containsExactly(3, 5, 7, 9);
        assertThat(iommu.group(5).devices()).extracting(Device::name).containsExactly("0000:01:00.0", "0000:01:00.1");
        assertThat(kernel.devices().busDevices(pci.bus())).hasSize(7);
    }

    @Test
    void sysfsShowsIdsClassGroupAndTheBoundDriver() throws KernelException {
        kernel = Kernel.boot();
        String edu = "/sys/bus/pci/devices/0000:00:03.0/";
        assertThat(kernel.vfs().readText(edu + "vendor")).isEqualTo("0x1234\n");
        assertThat(kernel.vfs().readText(edu + "device")).isEqualTo("0x11e8\n");
        assertThat(kernel.vfs().readText(edu + "class")).isEqualTo("0x00ff00\n");
        assertThat(kernel.vfs().readText(edu + "iommu_group")).isEqualTo("3\n");
        assertThat(kernel.vfs().readText(edu + "driver_override")).isEqualTo("(null)\n");
        assertThat(kernel.vfs().exists(edu + "driver")).isFalse();

        String audio = "/sys/bus/pci/devices/0000:02:00.1/";
        assertThat(kernel.vfs().readText(audio + "vendor")).isEqualTo("0x8086\n");
        assertThat(kernel.vfs().readText(audio + "class")).isEqualTo("0x040300\n");
        assertThat(kernel.vfs().readText(audio + "driver")).isEqualTo("snd_hda_intel\n");
        assertThat(kernel.vfs().list("/sys/bus/pci/drivers")).containsExactly("pcieport", "snd_hda_intel");
    }

    @Test
    void theCommandLineSelectsAPlatformFile(@TempDir Path dir) throws IOException, KernelException {
        Path file = dir.resolve("platform.txt");
        Files.writeString(file, "0000:05:00.0 group=11 model=edu\n");
        kernel = Kernel.boot(KernelOptions.builder().commandLine("pci.platform=" + file).build());
        Pci pci = kernel.subsystem(Pci.class).orElseThrow();

        assertThat(pci.functions()).extracting(f -> f.address().toString()).containsExactly("0000:05:00.0");
        assertThat(kernel.vfs().readText("/sys/bus/pci/devices/0000:05:00.0/iommu_group")).isEqualTo("11\n");
    }

    @Test
    void aPlatformErrorFailsTheBootNamingFileLineAndReason(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("platform.txt");
        Files.writeString(file, "0000:05:00.0 group=11 model=edu\n0000:05:00.1 group=11 model=edu color=red\n");
        KernelOptions options = KernelOptions.builder().commandLine("pci.platform=" + file).build();

        assertThatThrownBy(() -> Kernel.boot(options)).isInstanceOfSatisfying(KernelException.class, e -> {
            assertThat(e.errno()).isEqualTo(Errno.EINVAL);
            assertThat(e.getMessage()).endsWith(file + ":2: model edu: unknown parameter 'color'");
        });
    }

    @Test
    void aQuotedPlatformPathMayHoldSpaces(@TempDir Path dir) throws IOException, KernelException {
        Path file = dir.resolve("name with space.txt");
        Files.writeString(file, "0000:05:00.0 group=11 model=edu\n");
        kernel = Kernel.boot(KernelOptions.builder().commandLine("pci.platform=\"" + file + "\" intel_iommu=on").build());

        assertThat(kernel.subsystem(Pci.class).orElseThrow().functions()).extracting(f -> f.address().toString())
                .containsExactly("0000:05:00.0");
    }

    @Test
    void anUnreadablePlatformSaysWhy(@TempDir Path dir) throws IOException {
        Path binary = dir.resolve("garbage.bin");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        assertThat(bootError("pci.platform=" + dir.resolve("missing.txt")))
                .isEqualTo("ENOENT pci: cannot read platform " + dir.resolve("missing.txt") + ": No such file or directory");
        assertThat(bootError("pci.platform=" + dir)).isEqualTo("EISDIR pci: cannot read platform " + dir + ": Is a directory");
        assertThat(bootError("pci.platform=" + binary)).isEqualTo("EINVAL pci: cannot read platform " + binary + ": not UTF-8 text");
    }

    private static String bootError(String commandLine) {
        KernelOptions options = KernelOptions.builder().commandLine(commandLine).build();
        KernelException e = catchThrowableOfType(KernelException.class, () -> Kernel.boot(options));
        return e.errno() + " " + e.getMessage();
    }

    @Test
    void functionsAreFoundByAddressAndByDevice() throws KernelException {
        kernel = Kernel.boot();
        Pci pci = kernel.subsystem(Pci.class).orElseThrow();
        PciFunction function = pci.function("0000:01:00.1").orElseThrow();

        assertThat(pci.function(function.device())).containsSame(function);
        assertThat(pci.function("0000:09:00.0")).isEmpty();
    }
}
