package org.devmodel.pci.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.devmodel.core.Errno;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.pci.ConfigSpace;
import org.devmodel.pci.Pci;
import org.devmodel.pci.PciBar;
import org.devmodel.pci.PciFunction;
import org.devmodel.pci.emul.ConfigHeader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Config space of an edu function; expected values from QEMU's edu.c and pci_regs.h. */
class ConfigSpaceTest {
    private Kernel kernel;
    private PciFunction edu;
    private ConfigSpace config;

    @BeforeEach
    void boot() throws KernelException {
        kernel = Kernel.boot();
        edu = kernel.subsystem(Pci.class).orElseThrow().function("0000:00:03.0").orElseThrow();
        config = edu.config();
    }

    @AfterEach
    void shutdown() {
        kernel.close();
    }

    @Test
    void theHeaderCarriesEdusIdentity() {
        assertThat(config.read(0x00, 4)).isEqualTo(0x11e81234);
        assertThat(config.vendorId()).isEqualTo(0x1234);
        assertThat(config.deviceId()).isEqualTo(0x11e8);
        assertThat(config.revision()).isEqualTo(0x10);
        assertThat(config.classCode()).isEqualTo(0x00ff00);
        assertThat(config.read(0x0e, 1)).as("header type 0").isZero();
        assertThat(config.read(0x3d, 1)).as("interrupt pin INTA").isEqualTo(1);
        assertThat(config.read(0x2c, 2)).as("subsystem vendor").isEqualTo(0x1af4);
        assertThat(config.read(0x2e, 2)).as("subsystem id").isEqualTo(0x1100);
    }

    @Test
    void identityFieldsIgnoreWrites() {
        config.write(0x00, 4, 0xdeadbeef);
        config.write(0x08, 4, 0);
        assertThat(config.read(0x00, 4)).isEqualTo(0x11e81234);
        assertThat(config.read(0x08, 4)).isEqualTo(0x00ff0010);
    }

    @Test
    void commandStartsClearAndTakesMemoryBusMasterAndIntxDisable() {
        assertThat(config.command()).isZero();
        assertThat(config.memoryEnabled()).isFalse();
        assertThat(config.busMaster()).isFalse();

        config.write(0x04, 2, 0xffff);

        assertThat(config.command()).isEqualTo(0x0001 | 0x0002 | 0x0004 | 0x0400);
        assertThat(config.memoryEnabled()).isTrue();
        assertThat(config.busMaster()).isTrue();
        config.write(0x04, 2, 0x0002);
        assertThat(config.busMaster()).isFalse();
    }

    @Test
    void bar0SizesAs1MiBOf32BitMemoryAndOtherBarsAreAbsent() {
        config.write(0x10, 4, 0xffffffff);
        assertThat(config.read(0x10, 4)).isEqualTo(0xfff00000);
        config.write(0x10, 4, 0xfe012345);
        assertThat(config.read(0x10, 4)).as("the address keeps only bits above the size").isEqualTo(0xfe000000);
        for (int bar = 1; bar < 6; bar++) {
            config.write(0x10 + 4 * bar, 4, 0xffffffff);
            assertThat(config.read(0x10 + 4 * bar, 4)).as("BAR%d", bar).isZero();
        }
        assertThat(edu.bars()).extracting(PciBar::index, PciBar::size).containsExactly(
                tuple(0, 1L << 20));
    }

    @Test
    void theMsiCapabilityIs64BitWithOneVectorAt0x40() {
        assertThat(config.read(0x06, 2) & 0x10).as("status: capability list").isEqualTo(0x10);
        assertThat(config.read(0x34, 1)).isEqualTo(0x40);
        assertThat(config.read(0x40, 1)).as("MSI capability id").isEqualTo(0x05);
        assertThat(config.read(0x41, 1)).as("end of the list").isZero();
        assertThat(config.read(0x42, 2)).as("64-bit, one vector, disabled").isEqualTo(0x0080);
        assertThat(config.findCapability(0x05)).hasValue(0x40);
        assertThat(edu.msiVectors()).isEqualTo(1);

        config.write(0x44, 4, 0xfee00003);
        config.write(0x48, 4, 0x1);
        config.write(0x4c, 2, 0x4021);
        config.write(0x42, 2, 0x0001);

        assertThat(config.read(0x44, 4)).as("address, dword aligned").isEqualTo(0xfee00000);
        assertThat(config.read(0x48, 4)).isEqualTo(1);
        assertThat(config.read(0x4c, 2)).isEqualTo(0x4021);
        assertThat(config.read(0x42, 2)).isEqualTo(0x0081);
        assertThat(config.msiEnabled()).isTrue();
    }

    /**
     * QEMU's {@code pci_init_wmask} makes the cache line size and everything from 0x40 writable;
     * {@code pci_add_capability} then makes the MSI capability (0x0e bytes) read-only except the
     * fields {@code msi_init} opens.
     */
    @Test
    void deviceSpecificSpaceAfterTheMsiCapabilityKeepsWhatIsWritten() {
        config.write(0x0c, 1, 0x10);
        assertThat(config.read(0x0c, 1)).as("cache line size").isEqualTo(0x10);

        config.write(0x4c, 4, 0xa5a5_ffff);
        assertThat(config.read(0x4c, 4)).as("MSI data, then the two bytes after the capability")
                .isEqualTo(0xa5a5_ffff);
        config.write(0x50, 4, 0x1234_5678);
        config.write(0xfc, 4, 0xcafe_f00d);
        config.write(0x81, 1, 0x7f);
        assertThat(config.read(0x50, 4)).isEqualTo(0x1234_5678);
        assertThat(config.read(0xfc, 4)).isEqualTo(0xcafe_f00d);
        assertThat(config.read(0x80, 2)).isEqualTo(0x7f00);

        config.write(0x40, 2, 0xffff);
        assertThat(config.read(0x40, 2)).as("capability id and next pointer stay").isEqualTo(0x0005);
    }

    /** QEMU's {@code pci_do_device_reset} clears the header and MSI but not the device-specific bytes. */
    @Test
    void resetRestoresTheHeaderAndMsiButNotDeviceSpecificSpace() {
        ConfigSpaceImpl space = new ConfigSpaceImpl(new ConfigHeader(0x1234, 0x11e8, 0x10, 0x00ff00, 0, 0, 1, 1),
                List.of(), () -> { });
        space.write(0x04, 2, 0x0006);
        space.write(0x0c, 1, 0x10);
        space.write(0x42, 2, 0x0001);
        space.write(0x4c, 4, 0x5a5a_4021);
        space.write(0x60, 4, 0xdead_beef);

        space.reset();

        assertThat(space.command()).isZero();
        assertThat(space.read(0x0c, 1)).isZero();
        assertThat(space.read(0x42, 2)).isEqualTo(0x0080);
        assertThat(space.read(0x4c, 4)).as("MSI data cleared, 0x4e kept").isEqualTo(0x5a5a_0000);
        assertThat(space.read(0x60, 4)).isEqualTo(0xdead_beef);
    }

    @Test
    void accessesAreBytesWordsOrDwordsInsideTheSpace() {
        assertThat(config.read(0x01, 1)).isEqualTo(0x12);
        assertThat(config.read(0x01, 2)).isEqualTo(0xe812);
        assertThatThrownBy(() -> config.read(0xfe, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> config.read(0, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> config.write(256, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void barAccessesNeedMemoryDecoding() {
        PciBar bar0 = edu.bar(0).orElseThrow();
        assertThat(bar0.read(0, 4)).as("master abort").isEqualTo(0xffffffffL);
        config.write(0x04, 2, 0x0002);
        assertThat(bar0.read(0, 4)).isEqualTo(0x010000edL);
        assertThatThrownBy(() -> bar0.read(1 << 20, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> bar0.read(0, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eduHasNoResetMethod() {
        assertThat(edu.hasResetMethod()).isFalse();
        assertThatThrownBy(edu::reset).isInstanceOfSatisfying(KernelException.class,
                e -> assertThat(e.errno()).isEqualTo(Errno.ENOTTY));
    }
}
