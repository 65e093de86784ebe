package org.devmodel.vfio.iommu.type1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devmodel.vfio.iommu.type1.DmaUser.assertErrno;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_DMA_MAP_FLAG_READ;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_DMA_MAP_FLAG_WRITE;

import java.nio.charset.StandardCharsets;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.device.Device;
import org.devmodel.core.mem.AddressSpace;
import org.devmodel.core.proc.Credentials;
import org.devmodel.iommu.DmaDirection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DMA by a device of an attached group, through {@code Iommu.dmaRead}/{@code dmaWrite}: it lands in
 * the mapped process memory with each mapping's permission, and anything else is an IOMMU fault.
 */
class TranslationTest {
    private static final long PAGE = 4096;
    private static final int GROUP = 3;

    private Type1Fixture fixture;
    private DmaUser user;
    private AddressSpace memory;
    private Device device;
    private long buf;

    @BeforeEach
    void setUp() throws KernelException {
        fixture = Type1Fixture.boot();
        user = fixture.user(Credentials.ROOT);
        memory = user.task().memory();
        device = fixture.device("dev0", GROUP);
        fixture.type1.attachGroup(fixture.group(GROUP));
        buf = user.buffer(4);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void aDeviceReadsAndWritesTheProcessMemory() throws KernelException {
        user.map(buf, 0x10000, 2 * PAGE, VFIO_DMA_MAP_FLAG_READ | VFIO_DMA_MAP_FLAG_WRITE);
        memory.copyToUser(buf + 0x10, "hello".getBytes(StandardCharsets.US_ASCII));
        assertThat(fixture.iommu.dmaRead(device, 0x10010, 5)).asString(StandardCharsets.US_ASCII).isEqualTo("hello");
        fixture.iommu.dmaWrite(device, 0x10800, "world".getBytes(StandardCharsets.US_ASCII));
        assertThat(memory.copyFromUser(buf + 0x800, 5)).asString(StandardCharsets.US_ASCII).isEqualTo("world");
    }

    @Test
    void aTransferAcrossTwoMappingsFollowsEach() throws KernelException {
        // IOVA-contiguous but not vaddr-contiguous: two mappings
        user.map(buf + 2 * PAGE, 0x10000, PAGE, VFIO_DMA_MAP_FLAG_WRITE);
        user.map(buf, 0x11000, PAGE, VFIO_DMA_MAP_FLAG_WRITE);
        fixture.iommu.dmaWrite(device, 0x10ffe, new byte[] {1, 2, 3, 4});
        assertThat(memory.copyFromUser(buf + 3 * PAGE - 2, 2)).containsExactly(1, 2);
        assertThat(memory.copyFromUser(buf, 2)).containsExactly(3, 4);
    }

    @Test
    void translationGivesTheContiguousRestOfTheMapping() throws KernelException {
        user.map(buf, 0x10000, 2 * PAGE, VFIO_DMA_MAP_FLAG_READ);
        var translation = fixture.type1.domain().translate(0x10100, DmaDirection.READ).orElseThrow();
        assertThat(translation.memory()).isSameAs(memory);
        assertThat(translation.address()).isEqualTo(buf + 0x100);
        assertThat(translation.contiguous()).isEqualTo(2 * PAGE - 0x100);
    }

    @Test
    void aWriteIntoAReadOnlyMappingFaultsAndTouchesNothing() throws KernelException {
        user.map(buf, 0x10000, PAGE, VFIO_DMA_MAP_FLAG_READ);
        assertErrno(Errno.EFAULT, () -> fixture.iommu.dmaWrite(device, 0x10000, new byte[] {9}));
        assertThat(memory.copyFromUser(buf, 1)).containsExactly(0);
    }

    @Test
    void aReadOfAWriteOnlyMappingFaults() throws KernelException {
        user.map(buf, 0x10000, PAGE, VFIO_DMA_MAP_FLAG_WRITE);
        assertErrno(Errno.EFAULT, () -> fixture.iommu.dmaRead(device, 0x10000, 1));
    }

    @Test
    void anUnmappedIovaFaults() throws KernelException {
        user.map(buf, 0x10000, PAGE, VFIO_DMA_MAP_FLAG_READ | VFIO_DMA_MAP_FLAG_WRITE);
        assertErrno(Errno.EFAULT, () -> fixture.iommu.dmaRead(device, 0x11000, 1));
        assertErrno(Errno.EFAULT, () -> fixture.iommu.dmaRead(device, 0xfff, 1));
        assertErrno(Errno.EFAULT, () -> fixture.iommu.dmaWrite(device, 0x10ff0, new byte[32]));
        assertThat(memory.copyFromUser(buf + PAGE - 16, 16)).containsOnly(0);
    }

    @Test
    void anUnmappedRangeFaultsAgain() throws KernelException {
        user.map(buf, 0x10000, 2 * PAGE, VFIO_DMA_MAP_FLAG_READ);
        user.unmap(0x10000, PAGE);
        assertErrno(Errno.EFAULT, () -> fixture.iommu.dmaRead(device, 0x10000, 1));
        assertThat(fixture.iommu.dmaRead(device, 0x11000, 1)).hasSize(1);
    }

    @Test
    void aDetachedGroupNoLongerTranslates() throws KernelException {
        user.map(buf, 0x10000, PAGE, VFIO_DMA_MAP_FLAG_READ);
        fixture.type1.detachGroup(fixture.group(GROUP));
        assertErrno(Errno.EFAULT, () -> fixture.iommu.dmaRead(device, 0x10000, 1));
    }
}
