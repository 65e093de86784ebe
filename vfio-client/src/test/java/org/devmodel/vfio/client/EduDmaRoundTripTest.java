package org.devmodel.vfio.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.stream.Stream;
import org.devmodel.core.mem.UserMemory;
import org.devmodel.vfio.uapi.VfioIoctls;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * it-vfio's edu DMA round trip written against the client: map a buffer of the process for DMA,
 * program edu's DMA engine through a mapping of BAR0, wait for its MSI on an eventfd, and find the
 * bytes back in the process. Runs on the model and, where this machine has VFIO and an edu device
 * bound to vfio-pci, on the real kernel.
 */
@Timeout(60)
class EduDmaRoundTripTest {
    /** edu's BAR0 registers (QEMU docs/specs/edu.txt). */
    private static final long IDENT = 0x00;
    private static final long LIVENESS = 0x04;
    private static final long DMA_SRC = 0x80;
    private static final long DMA_DST = 0x88;
    private static final long DMA_CNT = 0x90;
    private static final long DMA_CMD = 0x98;
    private static final long DMA_START = 1;
    private static final long DMA_TO_RAM = 2;
    private static final long DMA_IRQ = 4;
    private static final long EDU_BUFFER = 0x40000;
    private static final long IOVA = 0x10000;

    static Stream<Named<EduSide.SideFactory>> sides() {
        return EduSide.both();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sides")
    void edusDmaRoundTripLandsInTheProcessWithItsInterruptOnAnEventfd(EduSide.SideFactory factory) throws Exception {
        try (EduSide side = factory.open();
             Container container = Container.open(side.process());
             Group group = Group.open(side.process(), side.group())) {
            UserMemory memory = side.process().memory();
            group.setContainer(container);
            container.setIommu(IommuType.TYPE1);
            long buffer = memory.mmap(4096);
            container.mapDma(buffer, IOVA, 4096, DmaAccess.READ_WRITE);

            try (Device device = group.device(side.address());
                 EventFd msi = EventFd.create(side.process())) {
                assertThat(device.region(VfioIoctls.VFIO_PCI_BAR0_REGION_INDEX).read(IDENT, 4))
                        .as("identification").isEqualTo(0x010000edL);
                MappedRegion bar0 = device.region(VfioIoctls.VFIO_PCI_BAR0_REGION_INDEX).mmap();
                bar0.store(LIVENESS, 4, 0x12345678);
                assertThat(bar0.load(LIVENESS, 4)).as("liveness").isEqualTo(~0x12345678L & 0xffffffffL);
                device.setIrqs(VfioIoctls.VFIO_PCI_MSI_IRQ_INDEX, 0, msi);
                device.config().setCommandBits(ConfigSpace.COMMAND_MASTER);

                byte[] message = HexFormat.of().parseHex("6465766d6f64656c2064696420444d41");
                memory.copyToUser(buffer, message);
                dma(bar0, IOVA, EDU_BUFFER, message.length, DMA_START | DMA_IRQ);
                assertThat(msi.await(side.waiting())).as("interrupts after RAM to device").isEqualTo(1);
                dma(bar0, EDU_BUFFER, IOVA + 0x800, message.length, DMA_START | DMA_TO_RAM | DMA_IRQ);
                assertThat(msi.await(side.waiting())).as("interrupts after device to RAM").isEqualTo(1);

                assertThat(memory.copyFromUser(buffer + 0x800, message.length)).isEqualTo(message);
                device.disableIrqs(VfioIoctls.VFIO_PCI_MSI_IRQ_INDEX);
            }
            assertThat(container.unmapDma(IOVA, 4096)).isEqualTo(4096);
            memory.munmap(buffer, 4096);
        }
    }

    /** Programs one transfer of edu's DMA engine. */
    private static void dma(MappedRegion bar0, long src, long dst, long count, long command) throws Exception {
        bar0.store(DMA_SRC, 8, src);
        bar0.store(DMA_DST, 8, dst);
        bar0.store(DMA_CNT, 8, count);
        bar0.store(DMA_CMD, 8, command);
    }
}
