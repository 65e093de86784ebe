package org.devmodel.cli.conform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.devmodel.cli.conform.Row.Verdict;
import org.junit.jupiter.api.Test;

class SideBySideTest {
    @Test
    void rowsShowBothLinesWithTheirMarkAndWrapLongLines() {
        List<Row> rows = List.of(
                new Row(Optional.of("close(3) = 0"), Optional.of("close(3) = 0"), Verdict.SAME, ""),
                new Row(Optional.of("ioctl(5, VFIO_DEVICE_GET_INFO) = 4"), Optional.of("ioctl(5, VFIO_DEVICE_GET_INFO) = 5"),
                        Verdict.ERA, "era: pci-req-irq (Linux 4.0)"),
                new Row(Optional.empty(), Optional.of("FAIL x"), Verdict.MISMATCH, "only in the guest"));
        StringWriter text = new StringWriter();

        new SideBySide(43).print(rows, Eras.shipped(), new PrintWriter(text, true));

        assertThat(text.toString().lines()).containsExactly(
                "model (v3.14)          guest",
                "--------------------   --------------------",
                "close(3) = 0           close(3) = 0",
                "ioctl(5, VFIO_DEVICE E ioctl(5, VFIO_DEVICE",
                "_GET_INFO) = 4         _GET_INFO) = 5",
                "                         ^ era: pci-req-irq (Linux 4.0)",
                "                     ! FAIL x",
                "                         ^ only in the guest",
                "",
                "era pci-req-irq (Linux 4.0): vfio-pci offers the device request IRQ (VFIO_PCI_REQ_IRQ_INDEX): num_irqs is 5,"
                        + " 4 in v3.14",
                "conform: 3 rows: 1 same, 0 translated, 1 era, 1 mismatch");
    }
}
