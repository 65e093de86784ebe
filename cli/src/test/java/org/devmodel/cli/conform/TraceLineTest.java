package org.devmodel.cli.conform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TraceLineTest {
    @Test
    void anIoctlIsAboutItsRequestAndShowsItsFields() {
        TraceLine line = TraceLine.parse("ioctl(5, VFIO_DEVICE_SET_IRQS, {argsz=24, flags=VFIO_IRQ_SET_DATA_EVENTFD, "
                + "index=1, start=0, count=1, data=[6, 7]}) = 0");

        assertThat(line.subject()).contains("VFIO_DEVICE_SET_IRQS");
        assertThat(line.fields()).containsExactly(Map.entry("argsz", "24"), Map.entry("flags", "VFIO_IRQ_SET_DATA_EVENTFD"),
                Map.entry("index", "1"), Map.entry("start", "0"), Map.entry("count", "1"), Map.entry("data", "[6, 7]"));
        assertThat(line.result()).contains("0");
        assertThat(line.key()).isEqualTo("call VFIO_DEVICE_SET_IRQS");
        assertThat(line.skeleton()).isEqualTo("ioctl(5, VFIO_DEVICE_SET_IRQS, {argsz=, flags=, index=, start=, count=, "
                + "data=}) = ");
    }

    @Test
    void otherCallsAreAboutTheirName() {
        TraceLine line = TraceLine.parse("read(6, 0x10000000, 8) = -1 EAGAIN (Resource temporarily unavailable)");

        assertThat(line.subject()).contains("read");
        assertThat(line.result()).contains("-1 EAGAIN (Resource temporarily unavailable)");
    }

    @Test
    void toolOutputAndFailuresAreText() {
        assertThat(TraceLine.parse("FAIL x.scn:3: expected 0, got EBUSY").key()).isEqualTo("FAIL");
        TraceLine text = TraceLine.parse("vfio                   78127  2 vfio_iommu_type1,vfio_pci");
        assertThat(text.isCall()).isFalse();
        assertThat(text.key()).isEqualTo("text");
        assertThat(text.skeleton()).isEqualTo(text.text());
    }
}
