package org.devmodel.pci.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.devmodel.core.KernelException;
import org.devmodel.core.mem.AddressSpace;
import org.devmodel.iommu.DmaDirection;
import org.devmodel.iommu.Iommu;
import org.devmodel.iommu.IommuDomain;
import org.devmodel.pci.PciBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * edu's DMA engine through a test IOMMU domain: one read-write page of process memory at IOVA
 * 0x10000, nothing else. Commands from QEMU's edu.txt: 0x98 bit 0 start, bit 1 device to RAM,
 * bit 2 interrupt 0x100 when done; the buffer is at device address 0x40000.
 */
class EduDmaTest {
    private static final long IOVA = 0x10000;
    private static final long RAM_TO_DEVICE = 0x1;
    private static final long DEVICE_TO_RAM = 0x3;
    private static final long IRQ = 0x4;

    private EduFixture edu;
    private PciBar bar0;
    private AddressSpace memory;
    private long page;

    @BeforeEach
    void boot() throws KernelException {
        edu = new EduFixture();
        bar0 = edu.bar0;
        memory = new AddressSpace();
        page = memory.mmap(AddressSpace.PAGE_SIZE);
        IommuDomain domain = (iova, direction) -> iova >= IOVA && iova < IOVA + AddressSpace.PAGE_SIZE
                ? Optional.of(new IommuDomain.Translation(memory, page + iova - IOVA, IOVA + AddressSpace.PAGE_SIZE - iova))
                : Optional.empty();
        Iommu iommu = edu.kernel.subsystem(Iommu.class).orElseThrow();
        iommu.attachGroup(domain, iommu.groupOf(edu.function.device()).orElseThrow());
        edu.busMaster(true);
    }

    @AfterEach
    void shutdown() {
        edu.close();
    }

    private void dma(long src, long dst, long count, long command) {
        bar0.write(0x80, 8, src);
        bar0.write(0x88, 8, dst);
        bar0.write(0x90, 8, count);
        bar0.write(0x98, 8, command);
    }

    private void advance(long millis) {
        edu.kernel.clock().advance(Duration.ofMillis(millis));
    }

    @Test
    void aRoundTripCopiesRamIntoTheBufferAndBackAfter100msEach() throws KernelException {
        memory.copyToUser(page, "hello, edu".getBytes());
        dma(IOVA, 0x40000, 10, RAM_TO_DEVICE | IRQ);

        advance(99);
        assertThat(bar0.read(0x98, 8) & 1).as("still running").isEqualTo(1);
        assertThat(bar0.read(0x24, 4)).isZero();
        advance(1);
        assertThat(bar0.read(0x98, 8)).as("run bit cleared").isEqualTo(IRQ);
        assertThat(bar0.read(0x24, 4)).isEqualTo(0x100L);
        assertThat(edu.driver.events).containsExactly("intx 1");

        bar0.write(0x64, 4, 0x100);
        dma(0x40000, IOVA + 0x800, 10, DEVICE_TO_RAM | IRQ);
        advance(100);

        assertThat(new String(memory.copyFromUser(page + 0x800, 10))).isEqualTo("hello, edu");
        assertThat(edu.driver.events).containsExactly("intx 1", "intx 0", "intx 1");
    }

    @Test
    void completionWithMsiSendsTheVector() throws KernelException {
        edu.enableMsi();
        dma(IOVA, 0x40000, 4, RAM_TO_DEVICE | IRQ);
        advance(100);
        assertThat(edu.driver.events).containsExactly("msi 0");
    }

    @Test
    void withoutTheIrqBitCompletionIsSilent() throws KernelException {
        dma(IOVA, 0x40000, 4, RAM_TO_DEVICE);
        advance(100);
        assertThat(bar0.read(0x98, 8)).isZero();
        assertThat(bar0.read(0x24, 4)).isZero();
        assertThat(edu.driver.events).isEmpty();
    }

    @Test
    void anIommuFaultTouchesNoMemoryButStillRaisesTheCompletionInterrupt() throws KernelException {
        memory.copyToUser(page, new byte[] {1, 2, 3, 4});
        dma(IOVA, 0x40000, 4, RAM_TO_DEVICE);
        advance(100);

        dma(0x40000, 0x20000, 4, DEVICE_TO_RAM | IRQ);
        advance(100);
        assertThat(edu.kernel.log().dmesg()).contains("DMAR:[DMA Write] Request device [0000:00:03.0] fault addr 20000");
        assertThat(bar0.read(0x24, 4)).isEqualTo(0x100L);
        assertThat(edu.driver.events).containsExactly("intx 1");

        dma(0x50000, 0x40000, 4, RAM_TO_DEVICE);
        advance(100);
        assertThat(edu.kernel.log().dmesg()).contains("DMAR:[DMA Read] Request device [0000:00:03.0] fault addr 50000");

        // the faulting read left the buffer as it was: copy it out to look
        dma(0x40000, IOVA + 0x100, 4, DEVICE_TO_RAM);
        advance(100);
        assertThat(memory.copyFromUser(page + 0x100, 4)).containsExactly(1, 2, 3, 4);
    }

    @Test
    void withoutBusMasteringNothingMovesAndTheRefusalIsLogged() throws KernelException {
        memory.copyToUser(page, new byte[] {7, 7, 7, 7});
        edu.busMaster(false);
        dma(0x40000, IOVA, 4, DEVICE_TO_RAM | IRQ);
        advance(100);

        assertThat(memory.copyFromUser(page, 4)).containsExactly(7, 7, 7, 7);
        assertThat(edu.kernel.log().dmesg()).contains("pci 0000:00:03.0: DMA write at 0x10000 refused: bus mastering disabled");
        assertThat(bar0.read(0x24, 4)).isEqualTo(0x100L);
    }

    @Test
    void aTransferLeavingTheBufferIsRejectedAndLogged() throws KernelException {
        memory.copyToUser(page, new byte[] {9, 9});
        dma(0x40ffe, IOVA, 4, DEVICE_TO_RAM | IRQ);
        advance(100);

        assertThat(memory.copyFromUser(page, 2)).containsExactly(9, 9);
        assertThat(edu.kernel.log().dmesg()).contains("edu 0000:00:03.0: DMA range 0x0000000000040ffe-0x0000000000041001"
                + " out of bounds (0x0000000000040000-0x0000000000040fff), rejected");
        assertThat(bar0.read(0x98, 8) & 1).as("the command completed").isZero();
    }

    @Test
    void dmaRegistersAreFrozenWhileATransferRuns() {
        dma(IOVA, 0x40000, 4, RAM_TO_DEVICE);
        bar0.write(0x80, 8, 0x1234);
        bar0.write(0x98, 8, DEVICE_TO_RAM);
        assertThat(bar0.read(0x80, 8)).isEqualTo(IOVA);
        assertThat(bar0.read(0x98, 8)).isEqualTo(RAM_TO_DEVICE);
    }
}
