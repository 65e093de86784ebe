package org.devmodel.vfio.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.devmodel.vfio.client.ContainerTest.assertErrno;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_PCI_BAR0_REGION_INDEX;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_PCI_CONFIG_REGION_INDEX;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_PCI_ERR_IRQ_INDEX;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_PCI_INTX_IRQ_INDEX;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_PCI_MSIX_IRQ_INDEX;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_PCI_MSI_IRQ_INDEX;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_PCI_NUM_IRQS;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_PCI_VGA_REGION_INDEX;

import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** vfio-pci's device fd for edu through the client: regions, config space, IRQs, mappings. */
@Timeout(30)
class DeviceTest extends OnEduModel {
    private Container container;
    private Group group;
    private Device device;

    @BeforeEach
    void open() throws KernelException {
        container = Container.open(model.process());
        group = Group.open(model.process(), ModelKernel.EDU_GROUP);
        group.setContainer(container);
        container.setIommu(IommuType.TYPE1);
        device = group.device(ModelKernel.EDU);
    }

    @AfterEach
    void close() throws KernelException {
        group.close();
        container.close();
    }

    @Test
    void isAPciDeviceWithVfioPcisRegionsOfWhichEdusVgaIsRefused() throws KernelException {
        DeviceInfo info = device.info();
        assertThat(info.pci()).isTrue();
        assertThat(info.irqs()).isEqualTo(VFIO_PCI_NUM_IRQS);
        assertErrno(() -> device.region(VFIO_PCI_VGA_REGION_INDEX), Errno.EINVAL);
        assertThat(device.regions()).extracting(Region::index)
                .doesNotContain(VFIO_PCI_VGA_REGION_INDEX).contains(VFIO_PCI_BAR0_REGION_INDEX, VFIO_PCI_CONFIG_REGION_INDEX);
    }

    @Test
    void readsAndWritesBar0ByOneToEightBytes() throws KernelException {
        Region bar0 = device.region(VFIO_PCI_BAR0_REGION_INDEX);
        assertThat(bar0.size()).as("edu's BAR0 is 1 MiB").isEqualTo(1 << 20);
        assertThat(bar0.offset()).isZero();
        assertThat(bar0.readable() && bar0.writable() && bar0.mappable()).isTrue();
        assertThat(bar0.read(0x00, 4)).as("identification").isEqualTo(0x010000edL);
        assertThat(bar0.read(0x00, 1)).as("edu answers ~0 to all but 4-byte accesses below 0x80").isEqualTo(0xff);
        bar0.write(0x04, 4, 0x12345678);
        assertThat(bar0.read(0x00, 8)).as("identification and liveness: vfio-pci splits 8 bytes into two 4-byte reads")
                .isEqualTo((~0x12345678L & 0xffffffffL) << 32 | 0x010000edL);
        bar0.write(0x80, 4, 0x9abcdef0L);
        assertThat(bar0.read(0x80, 4)).as("DMA source").isEqualTo(0x9abcdef0L);
        assertThat(bar0.read(0x80, 2)).isEqualTo(0xffff);
        assertThatThrownBy(() -> bar0.read(0, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("access width not 1, 2, 4 or 8: 3");
        assertErrno(() -> bar0.read(bar0.size(), 4), Errno.EINVAL);
    }

    @Test
    void configSpaceShowsEdusIdsAndTakesCommandBits() throws KernelException {
        ConfigSpace config = device.config();
        assertThat(config.region().offset()).isEqualTo((long) VFIO_PCI_CONFIG_REGION_INDEX << 40);
        assertThat(config.vendorId()).isEqualTo(0x1234);
        assertThat(config.deviceId()).isEqualTo(0x11e8);
        assertThat(config.readDword(0)).isEqualTo(0x11e81234L);
        int command = config.setCommandBits(ConfigSpace.COMMAND_MASTER);
        assertThat(command & ConfigSpace.COMMAND_MASTER).isNotZero();
        assertThat(config.readWord(ConfigSpace.COMMAND)).isEqualTo(command);
    }

    @Test
    void describesIntxAsAutomaskedAndMsiAsOneVector() throws KernelException {
        IrqInfo intx = device.irqInfo(VFIO_PCI_INTX_IRQ_INDEX);
        assertThat(intx.eventfd() && intx.maskable() && intx.automasked()).as("INTx").isTrue();
        assertThat(intx.count()).isEqualTo(1);
        IrqInfo msi = device.irqInfo(VFIO_PCI_MSI_IRQ_INDEX);
        assertThat(msi.eventfd() && msi.noResize()).as("MSI").isTrue();
        assertThat(msi.automasked()).isFalse();
        assertThat(msi.count()).isEqualTo(1);
        assertErrno(() -> device.irqInfo(VFIO_PCI_ERR_IRQ_INDEX), Errno.EINVAL);
        assertThat(device.irqs()).as("no error IRQ on a function that is not PCI Express").extracting(IrqInfo::index)
                .containsExactly(VFIO_PCI_INTX_IRQ_INDEX, VFIO_PCI_MSI_IRQ_INDEX, VFIO_PCI_MSIX_IRQ_INDEX);
    }

    @Test
    void routesMsiToAnEventfdAndTurnsItOffAgain() throws KernelException {
        try (EventFd msi = EventFd.create(model.process())) {
            device.setIrqs(VFIO_PCI_MSI_IRQ_INDEX, 0, msi);
            assertErrno(() -> device.setIrqs(VFIO_PCI_MSI_IRQ_INDEX, 1, msi), Errno.EINVAL);
            device.disableIrqs(VFIO_PCI_MSI_IRQ_INDEX);
            device.setIrqs(VFIO_PCI_MSI_IRQ_INDEX, 0, msi);
        }
        assertThatThrownBy(() -> device.setIrqs(VFIO_PCI_MSI_IRQ_INDEX, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMappingOfBar0ReachesTheDeviceAndEndsWithIt() throws KernelException {
        MappedRegion bar0 = device.region(VFIO_PCI_BAR0_REGION_INDEX).mmap();
        bar0.store(0x04, 4, 0x12345678);
        assertThat(bar0.load(0x04, 4)).as("liveness inverts").isEqualTo(~0x12345678L & 0xffffffffL);
        assertThatThrownBy(() -> bar0.load(bar0.size() - 2, 4)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("region 0: 4 bytes at 0xffffe outside its 0x100000 bytes");

        device.close();
        assertThatThrownBy(() -> bar0.load(0, 4)).isInstanceOf(IllegalStateException.class);
        assertErrno(() -> model.process().memory().load(bar0.address(), 4), Errno.EFAULT);
    }

    @Test
    void resetsWhenItSaysItCan() throws KernelException {
        if (device.info().resettable()) {
            device.reset();
        } else {
            assertErrno(device::reset, Errno.EINVAL);
        }
        assertThat(device.region(VFIO_PCI_BAR0_REGION_INDEX).read(0x00, 4)).isEqualTo(0x010000edL);
    }
}
