package org.devmodel.core.mem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import java.util.ArrayList;
import java.util.List;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.junit.jupiter.api.Test;

class AddressSpaceTest {
    private static final long MIB = 1 << 20;

    private final AddressSpace space = new AddressSpace();

    @Test
    void mmapPlacesEachMappingAGuardPageAboveThePreviousOne() throws KernelException {
        assertThat(space.mmap(4096)).isEqualTo(0x7f0000000000L);
        assertThat(space.mmap(4096)).isEqualTo(0x7f0000002000L);

        AddressSpace other = new AddressSpace();
        assertThat(other.mmap(MIB)).isEqualTo(0x7f0000000000L);
        assertThat(other.mmap(4096)).isEqualTo(0x7f0000101000L);
    }

    @Test
    void mmapRoundsLengthUpToPages() throws KernelException {
        assertThat(space.mmap(1)).isEqualTo(0x7f0000000000L);
        assertThat(space.mmap(4097)).isEqualTo(0x7f0000002000L);
        assertThat(space.mmap(1)).isEqualTo(0x7f0000005000L);
    }

    @Test
    void mmapGoesAboveTheMostRecentMappingNotIntoHoles() throws KernelException {
        long first = space.mmap(4096);
        space.mmap(4096);
        space.munmap(first, 4096);
        assertThat(space.mmap(4096)).isEqualTo(0x7f0000004000L);
    }

    @Test
    void fixedMappingDoesNotMoveTheCursor() throws KernelException {
        space.mmapFixed(0x10000000L, 4096);
        assertThat(space.mmap(4096)).isEqualTo(AddressSpace.MMAP_BASE);
        assertThat(space.mappings()).containsExactly(
                new Mapping(0x10000000L, 4096, Mapping.Kind.ANONYMOUS),
                new Mapping(AddressSpace.MMAP_BASE, 4096, Mapping.Kind.ANONYMOUS));
    }

    @Test
    void fixedMappingRefusesUnalignedOrOverlappingRanges() throws KernelException {
        space.mmapFixed(0x10000000L, 2 * 4096);
        assertErrno(() -> space.mmapFixed(0x10000800L, 4096), Errno.EINVAL);
        assertErrno(() -> space.mmapFixed(0x10001000L, 4096), Errno.EINVAL);
        assertErrno(() -> space.mmapFixed(0x0ffff000L, 2 * 4096), Errno.EINVAL);
        assertErrno(() -> space.mmapFixed(-4096L, 4096), Errno.EINVAL);
        assertThat(space.mappings()).hasSize(1);
    }

    @Test
    void badLengthsAreRefused() {
        assertErrno(() -> space.mmap(0), Errno.EINVAL);
        assertErrno(() -> space.mmap(-1), Errno.EINVAL);
        assertErrno(() -> space.munmap(AddressSpace.MMAP_BASE + 1, 4096), Errno.EINVAL);
    }

    @Test
    void untouchedPagesReadAsZerosWithoutBeingAllocated() throws KernelException {
        long base = space.mmap(1L << 30);
        assertThat(space.copyFromUser(base + 123 * MIB, 16)).containsOnly(0);
        assertThat(space.load(base + 5 * MIB, 8)).isZero();
        assertThat(space.residentPages()).isZero();

        space.store(base + 4095, 2, 0xBEEF);
        assertThat(space.residentPages()).isEqualTo(2);
        assertThat(space.load(base + 4095, 2)).isEqualTo(0xBEEF);
        assertThat(space.load(base + 4095, 1)).isEqualTo(0xEF);
    }

    @Test
    void loadsAndStoresAreLittleEndianAndZeroExtended() throws KernelException {
        long base = space.mmap(4096);
        space.store(base, 8, 0x8877665544332211L);
        assertThat(space.copyFromUser(base, 8))
                .containsExactly(0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88);
        assertThat(space.load(base + 4, 4)).isEqualTo(0x88776655L);
        assertThat(space.load(base, 8)).isEqualTo(0x8877665544332211L);
        space.store(base, 1, 0x1FF);
        assertThat(space.load(base, 2)).isEqualTo(0x22FF);
        assertThatThrownBy(() -> space.load(base, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void copiesCrossAdjacentMappings() throws KernelException {
        space.mmapFixed(0x10000000L, 4096);
        space.mmapFixed(0x10001000L, 4096);
        byte[] data = {1, 2, 3, 4};
        space.copyToUser(0x10000ffeL, data);
        assertThat(space.copyFromUser(0x10000ffeL, 4)).containsExactly(1, 2, 3, 4);
    }

    @Test
    void anyUnmappedByteFaultsAndAFaultingWriteChangesNothing() throws KernelException {
        long base = space.mmap(4096);
        assertErrno(() -> space.copyToUser(base + 4094, new byte[] {1, 2, 3}), Errno.EFAULT);
        assertThat(space.residentPages()).isZero();
        assertErrno(() -> space.copyFromUser(base + 4095, 2), Errno.EFAULT);
        assertErrno(() -> space.load(base - 1, 1), Errno.EFAULT);
        assertErrno(() -> space.store(base + 4096, 4, 1), Errno.EFAULT);
    }

    @Test
    void addressesAreUnsignedAndNeverWrap() {
        assertErrno(() -> space.load(-8L, 8), Errno.EFAULT);
        assertErrno(() -> space.copyFromUser(Long.MAX_VALUE, 2), Errno.EFAULT);
        assertErrno(() -> space.copyFromUser(-1L, 1), Errno.EFAULT);
    }

    @Test
    void munmapSplitsAMappingAndFreesItsPages() throws KernelException {
        long base = space.mmap(3 * 4096);
        space.copyToUser(base, new byte[3 * 4096]);
        space.store(base + 4096, 4, 7);
        space.munmap(base + 4096, 4096);

        assertThat(space.mappings()).containsExactly(
                new Mapping(base, 4096, Mapping.Kind.ANONYMOUS),
                new Mapping(base + 2 * 4096, 4096, Mapping.Kind.ANONYMOUS));
        assertThat(space.residentPages()).isEqualTo(2);
        assertErrno(() -> space.load(base + 4096, 4), Errno.EFAULT);
    }

    @Test
    void munmapOfSeveralMappingsAndHolesRemovesThemAll() throws KernelException {
        long first = space.mmap(2 * 4096);
        space.mmap(4096);
        space.munmap(first + 4096, 3 * 4096);
        assertThat(space.mappings()).containsExactly(new Mapping(first, 4096, Mapping.Kind.ANONYMOUS));
    }

    @Test
    void strndupUserReadsUpToTheNul() throws KernelException {
        long base = space.mmap(4096);
        space.copyToUser(base + 4090, new byte[] {'0', '0', '0', '0', ':', '0'});
        assertErrno(() -> space.strndupUser(base + 4090, 64), Errno.EFAULT);
        space.copyToUser(base, new byte[] {'a', 'b', 0});
        assertThat(space.strndupUser(base, 3)).isEqualTo("ab");
        assertErrno(() -> space.strndupUser(base, 2), Errno.EINVAL);
    }

    @Test
    void alignedNaturalAccessToADeviceIsOneCall() throws KernelException {
        RecordingMmio mmio = new RecordingMmio();
        long bar = space.mmapDevice(4096, mmio);
        space.store(bar + 8, 4, 0x12345678);
        assertThat(space.load(bar + 16, 8)).isEqualTo(0x1010101010101010L);
        space.store(bar + 2, 2, 0xABCD);
        assertThat(mmio.calls).containsExactly("w 8 4 12345678", "r 16 8", "w 2 2 abcd");
        assertThat(space.mappings()).containsExactly(new Mapping(bar, 4096, Mapping.Kind.DEVICE));
    }

    @Test
    void otherDeviceAccessesGoByteByByte() throws KernelException {
        RecordingMmio mmio = new RecordingMmio();
        long bar = space.mmapDevice(4096, mmio);
        space.store(bar + 1, 2, 0xABCD);
        assertThat(space.copyFromUser(bar + 4, 2)).containsExactly(0x04, 0x05);
        assertThat(mmio.calls).containsExactly("w 1 1 cd", "w 2 1 ab", "r 4 1", "r 5 1");
    }

    /**
     * Linux's {@code copy_to_user} copies up to the first page that faults and returns the count not
     * copied: an unmap by another thread during the access (here: by the device's handler, which
     * runs without the address-space lock) stops it at the page it removed.
     */
    @Test
    void anUnmapDuringAnAccessStopsItAtTheFirstPageItRemoved() throws KernelException {
        long[] bar = new long[1];
        RecordingMmio mmio = new RecordingMmio() {
            @Override
            public void write(long offset, int size, long value) {
                super.write(offset, size, value);
                if (offset == 4095) {
                    unmapQuietly(bar[0] + 4096, 4096);
                }
            }
        };
        bar[0] = space.mmapDevice(2 * 4096, mmio);

        assertErrno(() -> space.copyToUser(bar[0] + 4094, new byte[] {1, 2, 3, 4}), Errno.EFAULT);
        assertThat(mmio.calls).as("the bytes before the unmapped page moved, none after")
                .containsExactly("w 4094 1 1", "w 4095 1 2");
    }

    private void unmapQuietly(long address, long length) {
        try {
            space.munmap(address, length);
        } catch (KernelException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void splitDeviceMappingKeepsItsRegionOffsets() throws KernelException {
        RecordingMmio mmio = new RecordingMmio();
        long bar = space.mmapDevice(2 * 4096, mmio);
        space.munmap(bar, 4096);
        space.load(bar + 4096, 4);
        assertThat(mmio.calls).containsExactly("r 4096 4");
    }

    @Test
    void aDeviceMayDmaIntoTheSameAddressSpaceFromAnotherThreadDuringMmio() throws KernelException {
        long buffer = space.mmap(4096);
        // The doorbell completes a "DMA" on a timer-like thread and waits for it: this deadlocks
        // if the address-space lock were held while calling the handler.
        MmioHandler doorbell = new MmioHandler() {
            @Override
            public long read(long offset, int size) {
                return 0;
            }

            @Override
            public void write(long offset, int size, long value) {
                Thread dma = new Thread(() -> storeQuietly(buffer, value));
                dma.start();
                joinQuietly(dma);
            }
        };
        long bar = space.mmapDevice(4096, doorbell);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> space.store(bar, 4, 42));
        assertThat(space.load(buffer, 4)).isEqualTo(42);
    }

    @Test
    void concurrentWritersToOnePageLoseNothing() throws Exception {
        long base = space.mmap(4096);
        Thread[] writers = new Thread[4];
        for (int t = 0; t < writers.length; t++) {
            long slot = base + 8L * t;
            writers[t] = new Thread(() -> {
                for (int i = 1; i <= 1000; i++) {
                    storeQuietly(slot, i);
                }
            });
            writers[t].start();
        }
        for (Thread writer : writers) {
            writer.join();
        }
        for (int t = 0; t < writers.length; t++) {
            assertThat(space.load(base + 8L * t, 8)).isEqualTo(1000);
        }
    }

    private void storeQuietly(long address, long value) {
        try {
            space.store(address, 8, value);
        } catch (KernelException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void assertErrno(ThrowingCall call, Errno errno) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(KernelException.class,
                e -> assertThat(e.errno()).isEqualTo(errno));
    }

    @FunctionalInterface
    private interface ThrowingCall {
        void run() throws KernelException;
    }

    /** Records each call; a read returns the low byte of the offset repeated. */
    private static class RecordingMmio implements MmioHandler {
        final List<String> calls = new ArrayList<>();

        @Override
        public long read(long offset, int size) {
            calls.add("r " + offset + " " + size);
            return (offset & 0xff) * 0x0101010101010101L;
        }

        @Override
        public void write(long offset, int size, long value) {
            calls.add("w " + offset + " " + size + " " + Long.toHexString(value));
        }
    }
}
