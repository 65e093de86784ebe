package org.devmodel.pci.internal.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.devmodel.iommu.IommuModel;
import org.devmodel.pci.PciAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlatformParserTest {
    private final PlatformParser parser = new PlatformParser(Set.of("edu", "host"));

    @Test
    void readsFunctionsInFileOrderSkippingCommentsAndBlankLines() throws PlatformException {
        String text = """
                # a comment
                0000:00:03.0 group=3 model=edu   # trailing comment

                0000:02:00.1  group=7  model=host vendor=0x8086 device=0x293e driver=snd_hda_intel
                """;
        Platform platform = parser.parse("platform.txt", text);
        assertThat(platform.iommu()).isEqualTo(IommuModel.DOMAINS);
        assertThat(platform.windows()).isEmpty();
        assertThat(platform.functions()).containsExactly(
                new FunctionSpec(new PciAddress(0, 0, 3, 0), 3, "edu", Map.of(), Optional.empty(), "platform.txt:2"),
                new FunctionSpec(new PciAddress(0, 2, 0, 1), 7, "host", Map.of("vendor", "0x8086", "device", "0x293e"),
                        Optional.of("snd_hda_intel"), "platform.txt:4"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0000:00:03.0 group=3 model=foo | platform.txt:3: unknown model 'foo'",
        "0000:00:03.0 model=edu | platform.txt:3: missing group=",
        "0000:00:03.0 group=3 | platform.txt:3: missing model=",
        "0000:00:03.0 group=x model=edu | platform.txt:3: bad group 'x'",
        "0000:00:20.0 group=3 model=edu | platform.txt:3: slot out of range: 32",
        "00:03.0 group=3 model=edu | platform.txt:3: bad PCI address '00:03.0'",
        "0000:00:04.0 group=3 edu | platform.txt:3: bad word 'edu' (expected key=value)",
        "0000:00:04.0 group=3 group=4 model=edu | platform.txt:3: duplicate key 'group'",
        "0000:00:01.0 group=4 model=edu | platform.txt:3: duplicate address 0000:00:01.0 (first on line 1)",
        "iommu=spapr-tce | platform.txt:3: iommu= must come before the first function",
        "0000:00:04.0 group=3 model=edu window=0+0x1000 | platform.txt:3: window= needs iommu=spapr-tce",
    })
    void errorsNameFileLineAndReason(String badLine, String message) {
        String text = "0000:00:01.0 group=1 model=edu\n# fine so far\n" + badLine + "\n";
        assertThatThrownBy(() -> parser.parse("platform.txt", text)).isInstanceOf(PlatformException.class)
                .hasMessage(message);
    }

    @Test
    void anSpaprPlatformGivesEveryGroupAWindowTheIoda2DefaultUnlessALineNamesOne() throws PlatformException {
        String text = """
                # POWER
                iommu=spapr-tce
                0000:00:03.0 group=3 model=edu
                0000:01:00.0 group=5 model=edu
                0000:01:00.1 group=5 model=edu window=0x10000000+0x1000000
                """;
        Platform platform = parser.parse("power.txt", text);
        assertThat(platform.iommu()).isEqualTo(IommuModel.SPAPR_TCE);
        assertThat(platform.windows()).containsExactly(
                Map.entry(3, new TceWindow(0, 0x8000_0000L)), Map.entry(5, new TceWindow(0x1000_0000L, 0x100_0000L)));
        assertThat(platform.functions()).extracting(FunctionSpec::parameters).containsOnly(Map.of());
        assertThat(TceWindow.IODA2_DEFAULT).hasToString("0x0+0x80000000");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "iommu=power | power.txt:1: unknown iommu 'power' (expected spapr-tce or vt-d)",
        "iommu=spapr-tce / 0000:00:03.0 group=3 model=edu window=0x800+0x1000 | power.txt:2: bad window '0x800+0x1000'"
                + " (expected START+SIZE, 4 KiB-aligned, above 0, ending at or below 4 GiB)",
        "iommu=spapr-tce / 0000:00:03.0 group=3 model=edu window=0+0 | power.txt:2: bad window '0+0'"
                + " (expected START+SIZE, 4 KiB-aligned, above 0, ending at or below 4 GiB)",
        "iommu=spapr-tce / 0000:00:03.0 group=3 model=edu window=0x80000000+0x80001000 | power.txt:2: bad window"
                + " '0x80000000+0x80001000' (expected START+SIZE, 4 KiB-aligned, above 0, ending at or below 4 GiB)",
        "iommu=spapr-tce / 0000:00:03.0 group=3 model=edu window=4096 | power.txt:2: bad window '4096'"
                + " (expected START+SIZE, 4 KiB-aligned, above 0, ending at or below 4 GiB)",
        "iommu=spapr-tce / 0000:00:03.0 group=3 model=edu window=0+0x1000 / 0000:00:03.1 group=3 model=edu window=0+0x2000"
                + " | power.txt:3: group 3: window 0x0+0x2000 differs from 0x0+0x1000 (power.txt:2)",
    })
    void sPaprErrorsNameFileLineAndReason(String text, String message) {
        assertThatThrownBy(() -> parser.parse("power.txt", text.replace(" / ", "\n"))).isInstanceOf(PlatformException.class)
                .hasMessage(message);
    }
}
