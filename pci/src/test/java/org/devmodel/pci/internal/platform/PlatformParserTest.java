package org.devmodel.pci.internal.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
        assertThat(parser.parse("platform.txt", text)).containsExactly(
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
    })
    void errorsNameFileLineAndReason(String badLine, String message) {
        String text = "0000:00:01.0 group=1 model=edu\n# fine so far\n" + badLine + "\n";
        assertThatThrownBy(() -> parser.parse("platform.txt", text)).isInstanceOf(PlatformException.class)
                .hasMessage(message);
    }
}
