package org.example.edu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class EduTest extends OnEduModel {

    @Test
    void readsItsVersionAndComputesFactorialsModulo2To32() throws Exception {
        try (Edu edu = Edu.open(process, GROUP, ADDRESS, waiting())) {
            assertThat(edu.version()).isEqualTo("1.0");
            assertThat(edu.factorial(0)).isEqualTo(1);
            assertThat(edu.factorial(10)).isEqualTo(3_628_800);
            assertThat(edu.factorial(13)).as("13! mod 2^32").isEqualTo(6_227_020_800L % (1L << 32));
            assertThat(edu.factorial(34)).isZero();
        }
    }

    @Test
    void movesBytesInAndOutOfEdusBufferByDmaOneInterruptEach() throws Exception {
        try (Edu edu = Edu.open(process, GROUP, ADDRESS, waiting())) {
            byte[] text = "devmodel did DMA".getBytes(StandardCharsets.US_ASCII);
            long before = kernel.clock().nanoTime();
            edu.write(100, text);
            assertThat(edu.read(100, text.length)).isEqualTo(text);
            assertThat(edu.read(100, 3)).isEqualTo("dev".getBytes(StandardCharsets.US_ASCII));
            assertThat(Duration.ofNanos(kernel.clock().nanoTime() - before))
                    .as("three transfers of edu's 100 ms").isEqualTo(Duration.ofMillis(300));
            assertThatThrownBy(() -> edu.read(4000, 100)).isInstanceOf(IndexOutOfBoundsException.class)
                    .hasMessage("100 bytes at 4000 outside edu's 4096-byte buffer");
        }
    }

    @Test
    void aDeviceThatNeverInterruptsTimesOut() throws Exception {
        try (Edu edu = Edu.open(process, GROUP, ADDRESS, attempt -> false)) {
            assertThatThrownBy(() -> edu.factorial(5)).isInstanceOfSatisfying(KernelException.class,
                    e -> assertThat(e.errno()).isEqualTo(Errno.ETIMEDOUT))
                    .hasMessage("edu 0000:00:03.0: no interrupt after the factorial");
        }
    }

    @Test
    void aFailedOpenLeavesNothingOpenSoTheGroupCanBeOpenedAgain() throws Exception {
        assertThatThrownBy(() -> Edu.open(process, GROUP, "0000:00:04.0", waiting()))
                .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENODEV));
        try (Edu edu = Edu.open(process, GROUP, ADDRESS, waiting())) {
            assertThat(edu.version()).isEqualTo("1.0");
        }
        assertThat(kernel.vfs().exists("/dev/vfio/3")).isTrue();
    }
}
