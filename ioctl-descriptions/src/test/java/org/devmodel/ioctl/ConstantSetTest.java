package org.devmodel.ioctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConstantSetTest {
    private final ConstantSet flags = new ConstantSet("IRQ_SET", List.of(
            new Constant("DATA_NONE", 1), new Constant("DATA_BOOL", 2), new Constant("DATA_TYPE_MASK", 7)));

    @Test
    void formatFlagsNamesSingleBitsAndShowsTheRestInHex() {
        assertThat(flags.formatFlags(3)).isEqualTo("DATA_NONE|DATA_BOOL");
        assertThat(flags.formatFlags(0x12)).isEqualTo("DATA_BOOL|0x10");
        assertThat(flags.formatFlags(0)).isEqualTo("0");
        assertThat(flags.formatFlags(4)).isEqualTo("0x4");
    }

    @Test
    void nameOfFindsTheMemberWithAValue() {
        assertThat(flags.nameOf(7)).contains("DATA_TYPE_MASK");
        assertThat(flags.nameOf(5)).isEmpty();
    }
}
