package org.devmodel.cli.conform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.devmodel.cli.conform.Row.Verdict;
import org.junit.jupiter.api.Test;

class ComparisonTest {
    private final List<String> model = Fixtures.lines("vfio-sequence.model");
    private final List<String> guest = Fixtures.lines("vfio-sequence.guest");
    private final Comparison comparison = new Comparison(Eras.shipped(), Fixtures.translation("vfio-sequence"));

    @Test
    void theVfioSequenceOn61DiffersOnlyByTranslationsAndEras() {
        List<Row> rows = comparison.compare(model, guest);

        assertThat(rows).noneMatch(row -> row.verdict() == Verdict.MISMATCH);
        assertThat(row(rows, "open(\"/dev/vfio/3\"")).satisfies(row -> {
            assertThat(row.verdict()).isEqualTo(Verdict.TRANSLATED);
            assertThat(row.guest()).contains("open(\"/dev/vfio/1\", O_RDWR) = 4");
            assertThat(row.note()).isEqualTo("group");
        });
        assertThat(row(rows, "VFIO_IOMMU_MAP_DMA").note()).isEqualTo("address");
        Row unchecked = rows.get(rows.indexOf(row(rows, "mmap(")) + 1);
        assertThat(unchecked.guest()).hasValueSatisfying(line -> assertThat(line).startsWith("NOT CHECKED "));
        assertThat(unchecked.verdict()).isEqualTo(Verdict.TRANSLATED);
        assertThat(row(rows, "VFIO_IOMMU_GET_INFO")).satisfies(row -> {
            assertThat(row.verdict()).isEqualTo(Verdict.ERA);
            assertThat(row.note()).isEqualTo("era: type1-info-pgsizes-flag (Linux 3.15), type1-info-caps (Linux 5.4),"
                    + " vtd-real-pgsizes (Linux 5.15)");
        });
        assertThat(row(rows, "VFIO_DEVICE_GET_INFO").note()).isEqualTo("era: pci-req-irq (Linux 4.0)");
        Row failure = rows.stream().filter(row -> row.guest().orElse("").startsWith("FAIL ")).findFirst().orElseThrow();
        assertThat(failure.model()).isEmpty();
        assertThat(failure.verdict()).isEqualTo(Verdict.ERA);
        assertThat(rows.get(rows.size() - 1)).satisfies(row -> {
            assertThat(row.model()).contains("22 passed, 0 failed");
            assertThat(row.guest()).contains("20 passed, 1 failed, 1 not checked");
            assertThat(row.verdict()).isEqualTo(Verdict.ERA);
        });
        assertThat(rows).filteredOn(row -> row.verdict() == Verdict.SAME).hasSize(15);
    }

    @Test
    void anAnswerNoRuleExplainsIsAMismatch() {
        List<String> broken = replace(guest, "ioctl(3, VFIO_SET_IOMMU, VFIO_TYPE1_IOMMU) = 0",
                "ioctl(3, VFIO_SET_IOMMU, VFIO_TYPE1_IOMMU) = -1 EBUSY (Device or resource busy)");

        Row row = row(comparison.compare(model, broken), "VFIO_SET_IOMMU");

        assertThat(row.verdict()).isEqualTo(Verdict.MISMATCH);
        assertThat(row.guest()).hasValueSatisfying(text -> assertThat(text).contains("EBUSY"));
    }

    @Test
    void anEraRuleCoversOnlyTheFieldsItNames() {
        List<String> broken = replace(guest, "num_regions=9, num_irqs=5", "num_regions=8, num_irqs=5");

        assertThat(row(comparison.compare(model, broken), "VFIO_DEVICE_GET_INFO").verdict())
                .isEqualTo(Verdict.MISMATCH);
    }

    @Test
    void aGuestFailureAfterAMatchingLineIsAMismatchAndSoIsTheCount() {
        List<String> failing = new ArrayList<>(guest);
        failing.add(failing.indexOf("close(5) = 0") + 1, "FAIL examples/scenarios/vfio-sequence.scn:32: expected 0, got 1");
        failing.set(failing.size() - 1, "19 passed, 2 failed, 1 not checked");

        List<Row> rows = comparison.compare(model, failing);

        assertThat(rows).filteredOn(row -> row.verdict() == Verdict.MISMATCH).extracting(Row::note)
                .containsExactly("only in the guest", "mismatch");
    }

    @Test
    void aNotCheckedLineAfterALineThatWasNotAnAddressIsAMismatch() {
        List<String> moved = new ArrayList<>(guest);
        String unchecked = moved.remove(moved.indexOf(moved.stream().filter(l -> l.startsWith("NOT CHECKED")).findFirst()
                .orElseThrow()));
        moved.add(moved.indexOf("close(4) = 0") + 1, unchecked);

        assertThat(comparison.compare(model, moved)).filteredOn(row -> row.verdict() == Verdict.MISMATCH)
                .extracting(Row::note).containsExactly("only in the guest", "mismatch");
    }

    @Test
    void aTraceThatStopsEarlyLeavesTheRestMissing() {
        List<Row> rows = comparison.compare(model, guest.subList(0, 3));

        assertThat(rows).filteredOn(row -> row.verdict() == Verdict.MISMATCH).hasSize(model.size() - 3)
                .allSatisfy(row -> assertThat(row.note()).isEqualTo("missing in the guest"));
    }

    private static Row row(List<Row> rows, String modelText) {
        Optional<Row> found = rows.stream().filter(r -> r.model().orElse("").contains(modelText)).findFirst();
        assertThat(found).as("a row whose model line contains %s", modelText).isPresent();
        return found.get();
    }

    private static List<String> replace(List<String> lines, String text, String with) {
        List<String> copy = new ArrayList<>(lines);
        int at = copy.stream().filter(line -> line.contains(text)).findFirst().map(copy::indexOf).orElse(-1);
        assertThat(at).as("a line containing %s", text).isNotNegative();
        copy.set(at, copy.get(at).replace(text, with));
        return copy;
    }
}
