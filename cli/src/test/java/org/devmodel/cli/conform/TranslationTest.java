package org.devmodel.cli.conform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TranslationTest {
    private final GroupTable groups = GroupTable.parse(Fixtures.lines("vfio-sequence.groups"));
    private final MajorTable majors = MajorTable.of(Fixtures.lines("devices.model"), Fixtures.lines("devices.guest"));

    @Test
    void groupPathsAreReadBackWholeNumberByWholeNumber() {
        assertThat(groups.toModel("open(\"/dev/vfio/1\", O_RDWR) = 4")).isEqualTo("open(\"/dev/vfio/3\", O_RDWR) = 4");
        assertThat(groups.toModel("open(\"/dev/vfio/10\", O_RDWR) = 4")).isEqualTo("open(\"/dev/vfio/9\", O_RDWR) = 4");
        assertThat(groups.toModel("ls /sys/kernel/iommu_groups/8/devices"))
                .isEqualTo("ls /sys/kernel/iommu_groups/5/devices");
        assertThat(groups.toModel("open(\"/dev/vfio/vfio\", O_RDWR) = 3")).isEqualTo("open(\"/dev/vfio/vfio\", O_RDWR) = 3");
        assertThat(groups.toModel("open(\"/dev/vfio/4\", O_RDWR) = -1 ENOENT")).contains("/dev/vfio/4\"");
        assertThat(groups.conflicts()).isEmpty();
    }

    @Test
    void aGroupSplitOrJoinedInTheGuestIsAConflict() {
        GroupTable table = GroupTable.parse(List.of("5 0000:01:00.0 8", "5 0000:01:00.1 9", "7 0000:02:00.0 9",
                "9 0000:03:00.0"));

        assertThat(table.conflicts()).containsExactly("model group 5 is split in the guest: groups 8 and 9",
                "guest group 9 joins model groups 5 and 7", "0000:03:00.0 (model group 9) has no IOMMU group in the guest");
    }

    @Test
    void aMalformedGroupLineIsRefused() {
        assertThatThrownBy(() -> GroupTable.parse(List.of("3"))).hasMessage("bad group line '3'");
    }

    @Test
    void majorsAreReadBackByNameWhereDeviceNumbersShow() {
        assertThat(majors.describe()).containsExactly("vfio 254 -> 246");
        assertThat(majors.toModel("crw------- 1 root root 246, 0 Mar 30 21:00 3"))
                .isEqualTo("crw------- 1 root root 254, 0 Mar 30 21:00 3");
        assertThat(majors.toModel("Device: 0,5\tInode: 3           Links: 1     Device type: 246,0"))
                .endsWith("Device type: 254,0");
        assertThat(majors.toModel("246:0")).isEqualTo("254:0");
        assertThat(majors.toModel("246 vfio")).isEqualTo("254 vfio");
        assertThat(majors.toModel("crw-rw-rw- 1 root root 10, 196 Mar 30 21:00 vfio")).contains(" 10, 196 ");
        assertThat(majors.toModel("ioctl(246, VFIO_GET_API_VERSION) = 0")).isEqualTo("ioctl(246, VFIO_GET_API_VERSION) = 0");
    }

    @Test
    void addressesArePairedByTheOrderOfTheMmapsThatChoseThem() {
        AddressTable addresses = AddressTable.of(
                List.of("mmap(NULL, 4096, PROT_READ, MAP_SHARED, 5, 0) = 0x7f0000000000",
                        "mmap(NULL, 4096, PROT_READ, MAP_SHARED, 5, 0) = 0x7f0000011000"),
                List.of("mmap(NULL, 4096, PROT_READ, MAP_SHARED, 5, 0) = 0x7f3c2a600000",
                        "mmap(NULL, 4096, PROT_READ, MAP_SHARED, 5, 0) = 0x7f3c2a5ff000"));

        assertThat(addresses.toModel("vaddr=0x7f3c2a5ff000, iova=0x7f3c2a600000"))
                .isEqualTo("vaddr=0x7f0000011000, iova=0x7f0000000000");
        assertThat(addresses.toModel("vaddr=0x7f3c2a6000001")).isEqualTo("vaddr=0x7f3c2a6000001");
    }

    @Test
    void aBufferIsTheSameBufferWhateverItsAddress() {
        assertThat(AddressTable.differOnlyInBuffer("read(6, 0x10000000, 8) = -1 EAGAIN (Resource temporarily unavailable)",
                "read(6, 0x7ffd3a2c1e80, 8) = -1 EAGAIN (Resource temporarily unavailable)")).isTrue();
        assertThat(AddressTable.differOnlyInBuffer("read(6, 0x10000000, 8) = -1 EAGAIN (Resource temporarily unavailable)",
                "read(7, 0x7ffd3a2c1e80, 8) = -1 EAGAIN (Resource temporarily unavailable)")).isFalse();
        assertThat(AddressTable.differOnlyInBuffer("read(6, 0x10000000, 8) = -1 EAGAIN (Resource temporarily unavailable)",
                "read(6, 0x7ffd3a2c1e80, 8) = 8")).isFalse();
    }

    @Test
    void aTranslatedLineSaysWhatTranslatedIt() {
        Translation translation = Fixtures.translation("vfio-sequence");

        assertThat(translation.apply("open(\"/dev/vfio/1\", O_RDWR) = 4").by()).containsExactly("group");
        assertThat(translation.apply("close(3) = 0").by()).isEmpty();
    }
}
