package org.devmodel.pci.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.devmodel.core.Errno;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.KernelOptions;
import org.devmodel.core.mem.AddressSpace;
import org.devmodel.iommu.Iommu;
import org.devmodel.iommu.IommuGroup;
import org.devmodel.iommu.IommuModel;
import org.devmodel.iommu.TceTable;
import org.devmodel.pci.Pci;
import org.devmodel.pci.PciBar;
import org.devmodel.pci.PciFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pci.machine=power}: the embedded POWER platform, its TCE tables, and edu's DMA through one. */
class PowerPlatformTest {
    private Kernel kernel;

    @AfterEach
    void shutdown() {
        if (kernel != null) {
            kernel.close();
        }
    }

    private Kernel boot(String commandLine) throws KernelException {
        kernel = Kernel.boot(KernelOptions.builder().commandLine(commandLine).build());
        return kernel;
    }

    @Test
    void thePowerMachineHasTheDefaultLayoutAndATwoGibWindowPerGroup() throws KernelException {
        boot("pci.machine=power");
        Pci pci = kernel.subsystem(Pci.class).orElseThrow();
        Iommu iommu = kernel.subsystem(Iommu.class).orElseThrow();

        assertThat(iommu.model()).isEqualTo(IommuModel.SPAPR_TCE);
        assertThat(iommu.present()).isFalse();
        assertThat(pci.functions()).extracting(f -> f.address() + " " + iommu.groupOf(f.device()).map(IommuGroup::id).orElse(-1))
                .containsExactly("0000:00:03.0 3", "0000:01:00.0 5", "0000:01:00.1 5", "0000:02:00.0 7", "0000:02:00.1 7",
                        "0000:03:00.0 9", "0000:03:00.1 9");
        assertThat(iommu.groups()).allSatisfy(g -> assertThat(g.tceTable()).hasValueSatisfying(t -> {
            assertThat(t.offset()).isZero();
            assertThat(t.size() << TceTable.IOMMU_PAGE_SHIFT_4K).isEqualTo(0x8000_0000L);
            assertThat(t.group()).isSameAs(g);
        }));
        assertThat(kernel.log().dmesg()).contains("pci: [PE# 3] Setting up 32-bit TCE table at 0..80000000");
    }

    @Test
    void x86IsTheDefaultMachineAndHasNoTables() throws KernelException {
        boot("pci.machine=x86");
        Iommu iommu = kernel.subsystem(Iommu.class).orElseThrow();
        assertThat(iommu.model()).isEqualTo(IommuModel.DOMAINS);
        assertThat(iommu.present()).isTrue();
        assertThat(iommu.groups()).allSatisfy(g -> assertThat(g.tceTable()).isEmpty());
    }

    @Test
    void aPlatformFileMayNameTheWindowOfAGroup(@TempDir Path dir) throws IOException, KernelException {
        Path file = dir.resolve("power");
        Files.writeString(file, "iommu=spapr-tce\n0000:05:00.0 group=11 model=edu window=0x1000000+0x100000\n");
        boot("pci.platform=" + file);
        TceTable table = kernel.subsystem(Iommu.class).orElseThrow().group(11).tceTable().orElseThrow();
        assertThat(table.offset()).isEqualTo(0x1000);
        assertThat(table.size()).isEqualTo(0x100);
    }

    @Test
    void anUnknownMachineOrTwoPlatformsFailTheBoot(@TempDir Path dir) {
        assertThatThrownBy(() -> boot("pci.machine=sparc")).isInstanceOfSatisfying(KernelException.class, e -> {
            assertThat(e.errno()).isEqualTo(Errno.EINVAL);
            assertThat(e.getMessage()).isEqualTo("pci: unknown machine 'sparc' (expected x86 or power)");
        });
        assertThatThrownBy(() -> boot("pci.machine=power pci.platform=" + dir.resolve("power")))
                .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EINVAL));
    }

    @Test
    void eduDmasThroughItsGroupsTceTable() throws KernelException {
        boot("pci.machine=power");
        Pci pci = kernel.subsystem(Pci.class).orElseThrow();
        TestDriver driver = new TestDriver("edu-test");
        pci.registerDriver(driver);
        pci.setDriverOverride(EduFixture.ADDRESS, driver.name());
        pci.bind(driver.name(), EduFixture.ADDRESS);
        PciFunction edu = pci.function(EduFixture.ADDRESS).orElseThrow();
        edu.config().write(0x04, 2, 0x0006);
        TceTable table = kernel.subsystem(Iommu.class).orElseThrow().groupOf(edu.device()).orElseThrow().tceTable().orElseThrow();
        AddressSpace memory = new AddressSpace();
        long page = memory.mmap(AddressSpace.PAGE_SIZE);
        memory.copyToUser(page, "tce".getBytes());
        table.takeOwnership();
        table.putTceUserMode(memory, 0x10, page | TceTable.TCE_PCI_READ | TceTable.TCE_PCI_WRITE);
        PciBar bar0 = edu.bar(0).orElseThrow();

        dma(bar0, 0x10000, 0x40000, 3, 0x1);
        dma(bar0, 0x40000, 0x10800, 3, 0x3);
        assertThat(new String(memory.copyFromUser(page + 0x800, 3))).isEqualTo("tce");
        dma(bar0, 0x40000, 0x11000, 3, 0x3);
        assertThat(kernel.log().dmesg()).contains(
                "iommu_tce: [DMA Write] device [0000:00:03.0] fault addr 11000 (iommu group 3): empty TCE");
    }

    private void dma(PciBar bar0, long src, long dst, long count, long command) {
        bar0.write(0x80, 8, src);
        bar0.write(0x88, 8, dst);
        bar0.write(0x90, 8, count);
        bar0.write(0x98, 8, command);
        kernel.clock().advance(Duration.ofMillis(100));
    }
}
