package org.devmodel.iommu.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.devmodel.iommu.TceTable.TCE_PCI_READ;
import static org.devmodel.iommu.TceTable.TCE_PCI_WRITE;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.devmodel.core.Errno;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.device.Bus;
import org.devmodel.core.device.BusMatcher;
import org.devmodel.core.device.Device;
import org.devmodel.core.mem.AddressSpace;
import org.devmodel.iommu.Iommu;
import org.devmodel.iommu.IommuGroup;
import org.devmodel.iommu.IommuModel;
import org.devmodel.iommu.TceTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A POWER machine's TCE tables: arch/powerpc/kernel/iommu.c's checks, ownership and DMA through the entries. */
class TceTableTest {
    /** A window of 16 pages at 64 KiB. */
    private static final long START = 0x10000;
    private static final long SIZE = 0x10000;

    private Kernel kernel;
    private Iommu iommu;
    private IommuGroup group;
    private TceTable table;
    private Device device;
    private final AddressSpace mm = new AddressSpace();

    @BeforeEach
    void boot() throws KernelException {
        kernel = Kernel.boot();
        iommu = kernel.subsystem(Iommu.class).orElseThrow();
        iommu.setModel(IommuModel.SPAPR_TCE);
        Bus bus = kernel.devices().busRegister("test", BusMatcher.NONE);
        iommu.watchBus(bus);
        group = iommu.group(3);
        table = iommu.registerTceTable(group, START, SIZE);
        device = kernel.devices().deviceRegister(bus, "0000:00:03.0", null);
        iommu.addDevice(group, device);
    }

    @AfterEach
    void shutdown() {
        kernel.close();
    }

    private static void assertErrno(Errno errno, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(errno));
    }

    @Test
    void anSpaprMachineHasNoIommuApiOnThePciBusAndNoDomains() {
        assertThat(iommu.present()).isFalse();
        assertThat(iommu.model()).isEqualTo(IommuModel.SPAPR_TCE);
        assertThat(group.tceTable()).containsSame(table);
        assertThat(table.offset()).isEqualTo(16);
        assertThat(table.size()).isEqualTo(16);
        assertErrno(Errno.ENODEV, () -> iommu.attachGroup((iova, d) -> java.util.Optional.empty(), group));
        assertThatThrownBy(() -> iommu.setModel(IommuModel.DOMAINS)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> iommu.registerTceTable(group, 0, 0x1000)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anX86MachineGivesNoTables() throws KernelException {
        try (Kernel x86 = Kernel.boot()) {
            Iommu other = x86.subsystem(Iommu.class).orElseThrow();
            assertThat(other.model()).isEqualTo(IommuModel.DOMAINS);
            assertThat(other.group(1).tceTable()).isEmpty();
            assertThatThrownBy(() -> other.registerTceTable(other.group(1), 0, 0x1000)).isInstanceOf(IllegalStateException.class);
        }
    }

    @ParameterizedTest(name = "put ioba={0} tce={1}")
    @CsvSource({
        "0x10000, 0x7f0000000000",         // no permission bit
        "0x10000, 0x7f0000000801",         // bits below the page besides the permissions
        "0x10800, 0x7f0000000001",         // unaligned I/O address
        "0xf000,  0x7f0000000001",         // below the window
        "0x20000, 0x7f0000000003",         // the first page past it
    })
    void putParamCheckRefusesWithEinval(String ioba, String tce) {
        assertErrno(Errno.EINVAL, () -> table.putParamCheck(Long.decode(ioba), Long.decode(tce)));
    }

    @Test
    void putParamCheckOnlyLooksAtTheFirstPage() throws KernelException {
        table.putParamCheck(0x1f000, 0x7f0000000000L | TCE_PCI_WRITE);
    }

    @ParameterizedTest(name = "clear ioba={0} value={1} npages={2}")
    @CsvSource({"0x10000, 1, 1", "0x10008, 0, 1", "0xf000, 0, 1", "0x10000, 0, 17", "0x1f000, 0, 2"})
    void clearParamCheckRefusesWithEinval(String ioba, long value, long npages) {
        assertErrno(Errno.EINVAL, () -> table.clearParamCheck(Long.decode(ioba), value, npages));
    }

    @Test
    void clearParamCheckTakesTheWholeWindowAndAnEmptyRange() throws KernelException {
        table.clearParamCheck(START, 0, 16);
        table.clearParamCheck(0x20000, 0, 0);
    }

    @Test
    void aDeviceDmasThroughTheEntriesAndFaultsAreLogged() throws KernelException {
        long buffer = mm.mmap(2 * AddressSpace.PAGE_SIZE);
        table.takeOwnership();
        table.putTceUserMode(mm, 16, buffer | TCE_PCI_READ | TCE_PCI_WRITE);
        table.putTceUserMode(mm, 17, (buffer + 0x1000) | TCE_PCI_READ);

        iommu.dmaWrite(device, START + 0xffe, new byte[] {1, 2});
        assertThat(mm.copyFromUser(buffer + 0xffe, 2)).containsExactly(1, 2);
        assertThat(iommu.dmaRead(device, START + 0xffe, 4)).containsExactly(1, 2, 0, 0);
        assertErrno(Errno.EFAULT, () -> iommu.dmaWrite(device, START + 0x1000, new byte[] {9}));
        assertErrno(Errno.EFAULT, () -> iommu.dmaRead(device, START + 0x2000, 1));
        assertErrno(Errno.EFAULT, () -> iommu.dmaRead(device, START + SIZE, 1));
        assertThat(kernel.log().dmesg()).contains(
                "iommu_tce: [DMA Write] device [0000:00:03.0] fault addr 11000 (iommu group 3): read-only TCE",
                "iommu_tce: [DMA Read] device [0000:00:03.0] fault addr 12000 (iommu group 3): empty TCE",
                "iommu_tce: [DMA Read] device [0000:00:03.0] fault addr 20000 (iommu group 3): outside the DMA window 10000..1ffff");
    }

    @Test
    void aWriteOnlyTceStillLetsTheDeviceRead() throws KernelException {
        long buffer = mm.mmap(AddressSpace.PAGE_SIZE);
        mm.copyToUser(buffer, new byte[] {7});
        table.putTceUserMode(mm, 16, buffer | TCE_PCI_WRITE);
        assertThat(iommu.dmaRead(device, START, 1)).containsExactly(7);
    }

    @Test
    void anEntryInUseIsEbusyAndAPageThatIsNotThereEfault() throws KernelException {
        long buffer = mm.mmap(AddressSpace.PAGE_SIZE);
        table.putTceUserMode(mm, 16, buffer | TCE_PCI_READ);
        assertErrno(Errno.EBUSY, () -> table.putTceUserMode(mm, 16, buffer | TCE_PCI_READ));
        assertErrno(Errno.EFAULT, () -> table.putTceUserMode(mm, 17, (buffer + 0x1000) | TCE_PCI_READ));
        assertErrno(Errno.EINVAL, () -> table.putTceUserMode(mm, 32, buffer | TCE_PCI_READ));
        assertThat(kernel.log().dmesg()).contains("iommu_tce: iommu_put_tce_user_mode failed ioba=10000, tce="
                + Long.toHexString(buffer | TCE_PCI_READ) + ", ret=-16");
        table.clearTcesAndPutPages(16, 16);
        table.putTceUserMode(mm, 16, buffer | TCE_PCI_READ);
    }

    @Test
    void ownershipIsExclusiveAndTakingOrReleasingClearsEveryEntry() throws KernelException {
        long buffer = mm.mmap(AddressSpace.PAGE_SIZE);
        table.putTceUserMode(mm, 16, buffer | TCE_PCI_READ);
        table.takeOwnership();
        assertErrno(Errno.EFAULT, () -> iommu.dmaRead(device, START, 1));
        assertErrno(Errno.EBUSY, table::takeOwnership);
        assertThat(kernel.log().dmesg()).contains("iommu_tce: it_map is not empty");
        table.putTceUserMode(mm, 20, buffer | TCE_PCI_READ);
        assertThat(kernel.snapshot().section("iommu groups"))
                .containsExactly("3: 0000:00:03.0 [TCE window 0x10000+0x10000, owned, 1 in use]");
        table.releaseOwnership();
        assertErrno(Errno.EFAULT, () -> iommu.dmaRead(device, START + 0x4000, 1));
        assertThat(kernel.snapshot().section("iommu groups")).containsExactly("3: 0000:00:03.0 [TCE window 0x10000+0x10000]");
        table.takeOwnership();
    }
}
