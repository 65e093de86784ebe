package org.devmodel.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DevTTest {

    @Test
    void kernelEncodingUsesTwentyMinorBits() {
        assertThat(DevT.of(10, 196).toKernel()).isEqualTo(0x00A000C4);
        assertThat(DevT.fromKernel(0x00A000C4)).isEqualTo(DevT.of(10, 196));
        assertThat(DevT.MINORMASK).isEqualTo(1048575);
    }

    @Test
    void userEncodingMatchesGlibcMakedev() {
        assertThat(DevT.of(10, 196).toUser()).isEqualTo(0xAC4L);
        assertThat(DevT.of(254, 1).toUser()).isEqualTo(0xFE01L);
        assertThat(DevT.fromUser(0xFE01L)).isEqualTo(DevT.of(254, 1));
    }

    @Test
    void boundaryValuesRoundTrip() {
        DevT max = DevT.of(DevT.MAJORMASK, DevT.MINORMASK);
        assertThat(max.toKernel()).isEqualTo(0xFFFFFFFF);
        assertThat(DevT.fromKernel(max.toKernel())).isEqualTo(max);
        assertThat(DevT.fromUser(max.toUser())).isEqualTo(max);
        assertThat(max.toUser()).isEqualTo(0xFFFFFFFFL);
        DevT minor256 = DevT.of(1, 256);
        assertThat(minor256.toUser()).isEqualTo((1L << 8) | (1L << 20));
        assertThat(DevT.fromUser(minor256.toUser())).isEqualTo(minor256);
    }

    @Test
    void outOfRangeValuesAreRefused() {
        assertThatThrownBy(() -> DevT.of(4096, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("major");
        assertThatThrownBy(() -> DevT.of(0, DevT.MINORMASK + 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minor");
    }

    @Test
    void plusWalksIntoTheNextMajor() {
        assertThat(DevT.of(254, DevT.MINORMASK).plus(1)).isEqualTo(DevT.of(255, 0));
        assertThat(DevT.of(10, 0).toString()).isEqualTo("10:0");
    }
}
