package org.devmodel.pci.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.devmodel.core.KernelException;
import org.devmodel.pci.PciBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** edu's BAR0 registers; expected values from QEMU's docs/specs/edu.txt and hw/misc/edu.c. */
class EduRegistersTest {
    private EduFixture edu;
    private PciBar bar0;

    @BeforeEach
    void boot() throws KernelException {
        edu = new EduFixture();
        bar0 = edu.bar0;
    }

    @AfterEach
    void shutdown() {
        edu.close();
    }

    @Test
    void identificationIsMajor1Minor0() {
        assertThat(bar0.read(0x00, 4)).isEqualTo(0x010000edL);
    }

    @Test
    void livenessReadsTheInverseOfTheLastWrite() {
        bar0.write(0x04, 4, 0x12345678L);
        assertThat(bar0.read(0x04, 4)).isEqualTo(0xedcba987L);
    }

    @Test
    void registersBelow0x80TakeOnlyDwordAccesses() {
        assertThat(bar0.read(0x00, 2)).isEqualTo(0xffffL);
        assertThat(bar0.read(0x00, 8)).isEqualTo(-1L);
        bar0.write(0x04, 4, 0);
        bar0.write(0x04, 8, 0x1L);
        bar0.write(0x04, 1, 0x1L);
        assertThat(bar0.read(0x04, 4)).as("narrow and wide writes are ignored").isEqualTo(0xffffffffL);
        assertThat(bar0.read(0x10, 4)).as("no register there").isEqualTo(0xffffffffL);
    }

    @Test
    void dmaRegistersTakeDwordAndQwordAccesses() {
        bar0.write(0x80, 8, 0x1_2345_6789L);
        assertThat(bar0.read(0x80, 8)).isEqualTo(0x1_2345_6789L);
        assertThat(bar0.read(0x80, 4)).isEqualTo(0x2345_6789L);
        bar0.write(0x88, 4, 0x40000L);
        assertThat(bar0.read(0x88, 8)).isEqualTo(0x40000L);
        bar0.write(0x90, 2, 0x10L);
        assertThat(bar0.read(0x90, 8)).as("a word write is ignored").isZero();
        assertThat(bar0.read(0x90, 2)).isEqualTo(0xffffL);
    }

    @Test
    void factorialIsBusyFor1msOfDeviceTimeThenHoldsTheResult() {
        bar0.write(0x08, 4, 5);
        assertThat(bar0.read(0x20, 4) & 0x01).as("computing").isEqualTo(1);
        bar0.write(0x08, 4, 6);

        edu.kernel.clock().advance(Duration.ofNanos(999_999));
        assertThat(bar0.read(0x20, 4) & 0x01).as("still computing").isEqualTo(1);
        edu.kernel.clock().advance(Duration.ofNanos(1));

        assertThat(bar0.read(0x20, 4) & 0x01).isZero();
        assertThat(bar0.read(0x08, 4)).as("5!, the write while busy was ignored").isEqualTo(120L);
        assertThat(bar0.read(0x24, 4)).as("no interrupt without status bit 0x80").isZero();
        assertThat(edu.driver.events).isEmpty();
    }

    @Test
    void factorialWrapsAt32Bits() {
        bar0.write(0x08, 4, 13);
        edu.kernel.clock().advance(Duration.ofMillis(1));
        assertThat(bar0.read(0x08, 4)).isEqualTo(6_227_020_800L & 0xffffffffL);
        bar0.write(0x08, 4, 0xffffffffL);
        edu.kernel.clock().advance(Duration.ofMillis(1));
        assertThat(bar0.read(0x08, 4)).isZero();
    }

    @Test
    void factorialRaisesInterrupt1OverIntxWhenAsked() {
        bar0.write(0x20, 4, 0x80);
        assertThat(bar0.read(0x20, 4)).isEqualTo(0x80L);
        bar0.write(0x08, 4, 3);
        edu.kernel.clock().advance(Duration.ofMillis(1));

        assertThat(bar0.read(0x08, 4)).isEqualTo(6L);
        assertThat(bar0.read(0x24, 4)).isEqualTo(0x01L);
        assertThat(edu.driver.events).containsExactly("intx 1");
        assertThat(edu.function.config().read(0x06, 2) & 0x08).as("status: INTx asserted").isEqualTo(0x08);
    }

    @Test
    void raiseAndAcknowledgeDriveIntxWhileAnyStatusBitIsSet() {
        bar0.write(0x60, 4, 0x30);
        assertThat(bar0.read(0x24, 4)).isEqualTo(0x30L);
        bar0.write(0x64, 4, 0x10);
        assertThat(bar0.read(0x24, 4)).isEqualTo(0x20L);
        bar0.write(0x64, 4, 0x20);

        assertThat(bar0.read(0x24, 4)).isZero();
        assertThat(edu.driver.events).containsExactly("intx 1", "intx 0");
        assertThat(edu.function.config().read(0x06, 2) & 0x08).isZero();
    }

    @Test
    void intxDisableHidesTheLineUntilItIsCleared() {
        edu.function.config().write(0x04, 2, 0x0402);
        bar0.write(0x60, 4, 0x1);
        assertThat(edu.driver.events).isEmpty();
        assertThat(edu.function.config().read(0x06, 2) & 0x08).as("status still shows the pin").isEqualTo(0x08);

        edu.function.config().write(0x04, 2, 0x0002);

        assertThat(edu.driver.events).containsExactly("intx 1");
    }

    @Test
    void withMsiEnabledEachRaiseSendsVector0AndIntxStaysLow() {
        edu.busMaster(true);
        edu.enableMsi();
        bar0.write(0x60, 4, 0x1);
        bar0.write(0x60, 4, 0x2);
        bar0.write(0x64, 4, 0x3);

        assertThat(edu.driver.events).containsExactly("msi 0", "msi 0");
    }

    @Test
    void msiNeedsBusMastering() {
        edu.enableMsi();
        bar0.write(0x60, 4, 0x1);
        assertThat(edu.driver.events).isEmpty();
        assertThat(edu.kernel.log().dmesg()).contains("pci 0000:00:03.0: MSI vector 0 dropped: bus mastering disabled");
    }
}
