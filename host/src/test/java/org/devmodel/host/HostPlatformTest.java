package org.devmodel.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostPlatformTest {
    @TempDir
    Path sys;

    @Test
    void eduIsModelledAndEveryOtherFunctionIsHostWithItsDriver() throws IOException {
        function("0000:00:03.0", "0x1234", "0x11e8", "0x00ff00", "3", null);
        function("0000:00:01.0", "0x8086", "0x293e", "0x040300", "7", "snd_hda_intel");
        function("0000:00:02.0", "0x8086", "0x3420", "0x060400", "7", null);

        assertThat(HostPlatform.fromSysfs(sys).lines().skip(1)).containsExactly(
                "0000:00:01.0 group=7 model=host vendor=0x8086 device=0x293e class=0x040300 driver=snd_hda_intel",
                "0000:00:02.0 group=7 model=host vendor=0x8086 device=0x3420 class=0x060400",
                "0000:00:03.0 group=3 model=edu");
    }

    @Test
    void aFunctionWithoutIommuGroupIsAOneLineError() throws IOException {
        function("0000:00:05.0", "0x1af4", "0x1044", "0xffff00", null, "virtio-pci");

        assertThatThrownBy(() -> HostPlatform.fromSysfs(sys)).isInstanceOf(IOException.class)
                .hasMessage("0000:00:05.0 has no IOMMU group: this kernel runs without an IOMMU"
                        + " (no /sys/kernel/iommu_groups)");
    }

    private void function(String address, String vendor, String device, String cls, String group, String driver)
            throws IOException {
        Path dir = Files.createDirectories(sys.resolve("devices/pci0000:00").resolve(address));
        Files.writeString(dir.resolve("vendor"), vendor + "\n");
        Files.writeString(dir.resolve("device"), device + "\n");
        Files.writeString(dir.resolve("class"), cls + "\n");
        if (group != null) {
            Files.createSymbolicLink(dir.resolve("iommu_group"), Path.of("../../../kernel/iommu_groups/" + group));
        }
        if (driver != null) {
            Files.createSymbolicLink(dir.resolve("driver"), Path.of("../../../bus/pci/drivers/" + driver));
        }
        Path devices = Files.createDirectories(sys.resolve("bus/pci/devices"));
        Files.createSymbolicLink(devices.resolve(address), Path.of("../../../devices/pci0000:00/" + address));
    }
}
