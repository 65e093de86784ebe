package org.devmodel.core.mem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class IoctlNumberTest {

    @ParameterizedTest(name = "{0} = {2}")
    @CsvSource({
        "VFIO_GET_API_VERSION, 0, 0x3B64",
        "VFIO_CHECK_EXTENSION, 1, 0x3B65",
        "VFIO_SET_IOMMU, 2, 0x3B66",
        "VFIO_GROUP_GET_STATUS, 3, 0x3B67",
        "VFIO_GROUP_SET_CONTAINER, 4, 0x3B68",
        "VFIO_GROUP_UNSET_CONTAINER, 5, 0x3B69",
        "VFIO_GROUP_GET_DEVICE_FD, 6, 0x3B6A",
        "VFIO_DEVICE_GET_INFO, 7, 0x3B6B",
        "VFIO_DEVICE_GET_REGION_INFO, 8, 0x3B6C",
        "VFIO_DEVICE_GET_IRQ_INFO, 9, 0x3B6D",
        "VFIO_DEVICE_SET_IRQS, 10, 0x3B6E",
        "VFIO_DEVICE_RESET, 11, 0x3B6F",
        "VFIO_DEVICE_GET_PCI_HOT_RESET_INFO, 12, 0x3B70",
        "VFIO_DEVICE_PCI_HOT_RESET, 13, 0x3B71",
        "VFIO_IOMMU_UNMAP_DMA, 14, 0x3B72",
        "VFIO_IOMMU_ENABLE, 15, 0x3B73",
        "VFIO_IOMMU_DISABLE, 16, 0x3B74",
    })
    void vfioIoctlsAreUnsizedIoOnTypeSemicolon(String name, int n, String hex) {
        assertThat(IoctlNumber.io(';', 100 + n)).isEqualTo(Integer.decode(hex));
    }

    @Test
    void sizedFormsSetDirectionAndSize() {
        // RNDGETENTCNT = _IOR('R', 0x00, int), RNDADDTOENTCNT = _IOW('R', 0x01, int),
        // DRM_IOCTL_VERSION = _IOWR('d', 0x00, struct drm_version) with a 64-byte struct.
        assertThat(IoctlNumber.ior('R', 0, 4)).isEqualTo(0x80045200);
        assertThat(IoctlNumber.iow('R', 1, 4)).isEqualTo(0x40045201);
        assertThat(IoctlNumber.iowr('d', 0, 64)).isEqualTo(0xC0406400);
    }

    @Test
    void decodersTakeTheFieldsApart() {
        int cmd = IoctlNumber.iowr('d', 7, 64);
        assertThat(IoctlNumber.dir(cmd)).isEqualTo(IoctlNumber.DIR_READ | IoctlNumber.DIR_WRITE);
        assertThat(IoctlNumber.type(cmd)).isEqualTo('d');
        assertThat(IoctlNumber.nr(cmd)).isEqualTo(7);
        assertThat(IoctlNumber.size(cmd)).isEqualTo(64);
    }

    @Test
    void partsThatDoNotFitAreRefused() {
        assertThatThrownBy(() -> IoctlNumber.io(';', 256)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ioctl nr out of range: 256");
        assertThatThrownBy(() -> IoctlNumber.ior(';', 1, 1 << 14)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IoctlNumber.io(-1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
