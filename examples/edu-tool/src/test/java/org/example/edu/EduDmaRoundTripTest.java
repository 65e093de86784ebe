package org.example.edu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.example.edu.EduRegisters.DMA_BUFFER;
import static org.example.edu.EduRegisters.DMA_COMMAND;
import static org.example.edu.EduRegisters.DMA_COUNT;
import static org.example.edu.EduRegisters.DMA_DESTINATION;
import static org.example.edu.EduRegisters.DMA_RAISE_IRQ;
import static org.example.edu.EduRegisters.DMA_RUN;
import static org.example.edu.EduRegisters.DMA_SOURCE;
import static org.example.edu.EduRegisters.DMA_TO_RAM;
import static org.example.edu.EduRegisters.IDENTIFICATION;
import static org.example.edu.EduRegisters.LIVENESS;

import java.util.HexFormat;
import java.util.stream.Stream;
import org.devmodel.core.KernelException;
import org.devmodel.core.mem.UserMemory;
import org.devmodel.vfio.client.ConfigSpace;
import org.devmodel.vfio.client.Container;
import org.devmodel.vfio.client.Device;
import org.devmodel.vfio.client.DmaAccess;
import org.devmodel.vfio.client.EventFd;
import org.devmodel.vfio.client.Group;
import org.devmodel.vfio.client.IommuType;
import org.devmodel.vfio.client.MappedRegion;
import org.devmodel.vfio.client.SpaprTceInfo;
import org.devmodel.vfio.uapi.VfioIoctls;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * it-vfio's edu DMA round trip written against the VFIO client alone (not through {@link Edu}): map a buffer of the process for DMA,
 * program edu's DMA engine through a mapping of BAR0, wait for its MSI on an eventfd, and find the
 * bytes back in the process. Runs on the model's two platforms (type1 on x86, sPAPR TCE on POWER:
 * whichever IOMMU model the kernel supports) and, where this machine has VFIO and an edu device
 * bound to vfio-pci, on the real kernel.
 */
@Timeout(60)
class EduDmaRoundTripTest {
    private static final long IOVA = 0x10000;

    static Stream<Named<EduSide.SideFactory>> sides() {
        return EduSide.every();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sides")
    void edusDmaRoundTripLandsInTheProcessWithItsInterruptOnAnEventfd(EduSide.SideFactory factory) throws Exception {
        try (EduSide side = factory.open();
             Container container = Container.open(side.process());
             Group group = Group.open(side.process(), side.group())) {
            UserMemory memory = side.process().memory();
            group.setContainer(container);
            long iova = setUpIommu(container);
            long buffer = memory.mmap(4096);
            container.mapDma(buffer, iova, 4096, DmaAccess.READ_WRITE);

            try (Device device = group.device(side.address());
                 EventFd msi = EventFd.create(side.process())) {
                assertThat(device.region(VfioIoctls.VFIO_PCI_BAR0_REGION_INDEX).read(IDENTIFICATION, 4))
                        .as("identification").isEqualTo(0x010000edL);
                MappedRegion bar0 = device.region(VfioIoctls.VFIO_PCI_BAR0_REGION_INDEX).mmap();
                bar0.store(LIVENESS, 4, 0x12345678);
                assertThat(bar0.load(LIVENESS, 4)).as("liveness").isEqualTo(~0x12345678L & 0xffffffffL);
                device.setIrqs(VfioIoctls.VFIO_PCI_MSI_IRQ_INDEX, 0, msi);
                device.config().setCommandBits(ConfigSpace.COMMAND_MASTER);

                byte[] message = HexFormat.of().parseHex("6465766d6f64656c2064696420444d41");
                memory.copyToUser(buffer, message);
                dma(bar0, iova, DMA_BUFFER, message.length, DMA_RUN | DMA_RAISE_IRQ);
                assertThat(msi.await(side.waiting())).as("interrupts after RAM to device").isEqualTo(1);
                dma(bar0, DMA_BUFFER, iova + 0x800, message.length, DMA_RUN | DMA_TO_RAM | DMA_RAISE_IRQ);
                assertThat(msi.await(side.waiting())).as("interrupts after device to RAM").isEqualTo(1);

                assertThat(memory.copyFromUser(buffer + 0x800, message.length)).isEqualTo(message);
                device.disableIrqs(VfioIoctls.VFIO_PCI_MSI_IRQ_INDEX);
            }
            assertThat(container.unmapDma(iova, 4096)).isEqualTo(4096);
            memory.munmap(buffer, 4096);
        }
    }

    /**
     * Picks the IOMMU model the kernel supports: type1 maps anywhere; sPAPR TCE is enabled first and
     * maps only inside the window its GET_INFO reports.
     *
     * @return the I/O address to map the buffer at
     */
    private static long setUpIommu(Container container) throws KernelException {
        if (container.supports(IommuType.TYPE1)) {
            container.setIommu(IommuType.TYPE1);
            return IOVA;
        }
        container.setIommu(IommuType.SPAPR_TCE);
        container.enable();
        SpaprTceInfo window = container.spaprTceInfo();
        assertThat(window.windowStart() + IOVA + 4096).as("a page at IOVA fits the window %s", window)
                .isLessThanOrEqualTo(window.windowEnd());
        return window.windowStart() + IOVA;
    }

    /** Programs one transfer of edu's DMA engine. */
    private static void dma(MappedRegion bar0, long src, long dst, long count, long command) throws Exception {
        bar0.store(DMA_SOURCE, 8, src);
        bar0.store(DMA_DESTINATION, 8, dst);
        bar0.store(DMA_COUNT, 8, count);
        bar0.store(DMA_COMMAND, 8, command);
    }
}
