package org.devmodel.cli.conform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class ErasTest {
    private final Eras eras = Eras.shipped();

    @Test
    void everyShippedRuleNamesTheVersionThatBroughtIt() {
        assertThat(eras.rules()).hasSizeGreaterThanOrEqualTo(14).allSatisfy(rule -> {
            assertThat(rule.since()).matches("[3-6]\\.\\d+");
            assertThat(rule.explanation()).isNotBlank();
        });
        assertThat(eras.rules()).extracting(EraRule::id).doesNotHaveDuplicates();
    }

    @Test
    void aRuleAppliesOnlyWhereItsRegexesMatch() {
        TraceLine model = TraceLine.parse("ioctl(4, VFIO_GROUP_SET_CONTAINER, [-1]) = -1 EINVAL (Invalid argument)");
        TraceLine ebadf = TraceLine.parse("ioctl(4, VFIO_GROUP_SET_CONTAINER, [-1]) = -1 EBADF (Bad file descriptor)");
        TraceLine enodev = TraceLine.parse("ioctl(4, VFIO_GROUP_SET_CONTAINER, [-1]) = -1 ENODEV (No such device)");

        assertThat(eras.explain(model, ebadf)).hasValueSatisfying(
                rules -> assertThat(rules).extracting(EraRule::id).containsExactly("group-set-container-fdget"));
        assertThat(eras.explain(model, enodev)).isEmpty();
    }

    @Test
    void theTypeOneVersionTwoExtensionIsAnEraDifferenceOnlyForItsNumber() {
        TraceLine v2 = TraceLine.parse("ioctl(3, VFIO_CHECK_EXTENSION, 3) = 0");
        TraceLine v1 = TraceLine.parse("ioctl(3, VFIO_CHECK_EXTENSION, VFIO_TYPE1_IOMMU) = 1");

        assertThat(eras.explain(v2, TraceLine.parse("ioctl(3, VFIO_CHECK_EXTENSION, 3) = 1"))).isPresent();
        assertThat(eras.explain(v1, TraceLine.parse("ioctl(3, VFIO_CHECK_EXTENSION, VFIO_TYPE1_IOMMU) = 0"))).isEmpty();
    }

    @Test
    void textLinesNeedATextRule() {
        TraceLine model = TraceLine.parse("vfio                   78127  2 vfio_iommu_type1,vfio_pci");
        TraceLine guest = TraceLine.parse("vfio                   45056  3 vfio_pci_core,vfio_iommu_type1,vfio_pci");

        assertThat(eras.explain(model, guest)).hasValueSatisfying(rules -> assertThat(rules)
                .extracting(EraRule::id).containsExactly("vfio-pci-core", "group-cdev-owner"));
        assertThat(eras.explain(TraceLine.parse("crw-rw-rw- 1 root root 10, 196"), TraceLine.parse("other"))).isEmpty();
    }

    @Test
    void aMalformedRuleIsRefusedWithItsLine() {
        assertThatThrownBy(() -> Eras.parse(new StringReader("# c\nx 5.4 VFIO_X differ=result\n"), "eras.txt"))
                .hasMessage("eras.txt:2: no ' -- ' before the explanation");
        assertThatThrownBy(() -> Eras.parse(new StringReader("x 5.4 VFIO_X when=( differ=result -- y\n"), "eras.txt"))
                .hasMessageStartingWith("eras.txt:1: bad regex '('");
        assertThatThrownBy(() -> Eras.parse(new StringReader("x 5.4 VFIO_X -- y\n"), "eras.txt"))
                .hasMessage("eras.txt:1: expected ID SINCE SUBJECT ... differ=PART,...");
        assertThatThrownBy(() -> Eras.parse(new StringReader("x 5.4 VFIO_X size=1 -- y\n"), "eras.txt"))
                .hasMessage("eras.txt:1: unknown word 'size=1'");
    }
}
