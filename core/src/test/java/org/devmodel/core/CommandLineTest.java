package org.devmodel.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The kernel command line, split as v3.14's {@code next_arg} splits it. */
class CommandLineTest {

    @Test
    void wordsSplitAtWhitespaceAndALaterWordWins() {
        CommandLine line = CommandLine.parse("  intel_iommu=off quiet pci.platform=/a  pci.platform=/b ");

        assertThat(line.parameters()).containsExactly(Map.entry("intel_iommu", "off"),
                Map.entry("quiet", ""), Map.entry("pci.platform", "/b"));
    }

    @Test
    void quotesKeepSpacesInAValueAndAreDropped() {
        assertThat(CommandLine.parse("pci.platform=\"/tmp/my platform.txt\" quiet").get("pci.platform"))
                .contains("/tmp/my platform.txt");
        assertThat(CommandLine.parse("\"pci.platform=/tmp/a b\"").get("pci.platform")).contains("/tmp/a b");
        assertThat(CommandLine.parse("pci.platform=\"/tmp/open").get("pci.platform")).contains("/tmp/open");
    }
}
