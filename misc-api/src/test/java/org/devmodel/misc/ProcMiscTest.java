package org.devmodel.misc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcMiscTest {

    @Test
    void readsMiscSeqShowLinesInOrder() {
        assertThat(ProcMisc.parse("/proc/misc", "234 btrfs-control\n256 vga_arbiter\n 63 vfio\n\n"))
                .containsExactly(new ProcMisc.Entry(234, "btrfs-control"), new ProcMisc.Entry(256, "vga_arbiter"),
                        new ProcMisc.Entry(63, "vfio"));
    }

    @Test
    void aBadLineIsNamedWithItsNumber() {
        assertThatThrownBy(() -> ProcMisc.parse("misc.txt", "200 tun\nx fuse\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("misc.txt:2: not a misc minor: 'x'");
        assertThatThrownBy(() -> ProcMisc.parse("misc.txt", "200\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("misc.txt:1: minor 200 has no name");
    }

    @Test
    void staticMinorsAreMiscdeviceHsNumbers() {
        assertThat(MiscMinors.byDeviceName("tun")).contains(MiscMinors.TUN_MINOR);
        assertThat(MiscMinors.byDeviceName("loop-control")).contains(237);
        assertThat(MiscMinors.byDeviceName("vga_arbiter")).isEmpty();
    }
}
