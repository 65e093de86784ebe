package org.devmodel.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.devmodel.core.fs.EventFdFlags.EFD_NONBLOCK;
import static org.devmodel.core.fs.EventFdFlags.EFD_SEMAPHORE;
import static org.devmodel.core.fs.OpenFlags.O_RDONLY;
import static org.devmodel.core.fs.OpenFlags.O_RDWR;
import static org.devmodel.core.fs.OpenFlags.O_WRONLY;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.Stat;
import org.devmodel.core.mem.UserMemory;
import org.devmodel.core.proc.Mman;
import org.devmodel.core.proc.Syscalls;
import org.devmodel.misc.MiscMinors;
import org.devmodel.misc.ProcMisc;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same checks on the model and on this machine's kernel: each expectation comes from v3.14's
 * sources and holds on both (every call here is one a later kernel answers as v3.14 did).
 */
@Timeout(30)
class ConformanceTest {
    private static final long SEEK_SET = 0;
    private static final int SEEK_END = 2;

    static Stream<Named<Side>> sides() {
        return Side.both();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sides")
    void missingPathIsEnoent(Side side) {
        assertErrno(() -> side.syscalls().open("/dev/devmodel-no-such-node", O_RDONLY), Errno.ENOENT);
        assertErrno(() -> side.syscalls().stat("/dev/devmodel-no-such-node"), Errno.ENOENT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sides")
    void devZeroReadsZerosAndSwallowsWrites(Side side) throws KernelException {
        try (Buffer buf = new Buffer(side)) {
            buf.fill((byte) 0x5a);
            withFd(side, side.syscalls().open("/dev/zero", O_RDWR), fd -> {
                assertThat(side.syscalls().read(fd, buf.address, 100)).isEqualTo(100);
                assertThat(buf.bytes(101)).startsWith(new byte[100]).endsWith((byte) 0x5a);
                assertThat(side.syscalls().write(fd, buf.address, 4096)).isEqualTo(4096);
                assertThat(side.syscalls().read(fd, buf.address, 0)).isZero();
                assertThat(side.syscalls().lseek(fd, 12345, (int) SEEK_SET)).as("zero_lseek").isZero();
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sides")
    void devNullIsEmptyAndSwallowsWrites(Side side) throws KernelException {
        try (Buffer buf = new Buffer(side)) {
            withFd(side, side.syscalls().open("/dev/null", O_RDWR), fd -> {
                assertThat(side.syscalls().read(fd, buf.address, 100)).isZero();
                assertThat(side.syscalls().write(fd, buf.address, 100)).isEqualTo(100);
                assertThat(side.syscalls().pwrite(fd, buf.address, 10, 4096)).isEqualTo(10);
                assertThat(side.syscalls().lseek(fd, 100, SEEK_END)).as("null_lseek").isZero();
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sides")
    void devFullReadsZerosAndRefusesWrites(Side side) throws KernelException {
        try (Buffer buf = new Buffer(side)) {
            buf.fill((byte) 1);
            withFd(side, side.syscalls().open("/dev/full", O_RDWR), fd -> {
                assertThat(side.syscalls().read(fd, buf.address, 16)).isEqualTo(16);
                assertThat(buf.bytes(16)).containsOnly(0);
                assertErrno(() -> side.syscalls().write(fd, buf.address, 1), Errno.ENOSPC);
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sides")
    void devUrandomFillsTheWholeBuffer(Side side) throws KernelException {
        try (Buffer buf = new Buffer(side)) {
            withFd(side, side.syscalls().open("/dev/urandom", O_RDONLY), fd -> {
                assertThat(side.syscalls().read(fd, buf.address, 4096)).isEqualTo(4096);
                assertThat(buf.bytes(4096)).as("4 KiB of urandom are not all zero").isNotEqualTo(new byte[4096]);
                assertErrno(() -> side.syscalls().write(fd, buf.address, 1), Errno.EBADF);
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sides")
    void unknownIoctlOnDevNullIsEnotty(Side side) throws KernelException {
        withFd(side, side.syscalls().open("/dev/null", O_WRONLY), fd -> {
            assertErrno(() -> side.syscalls().ioctl(fd, 0x4004_7a01, 0), Errno.ENOTTY);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sides")
    void eventfdCountsAndResets(Side side) throws KernelException {
        try (Buffer buf = new Buffer(side)) {
            withFd(side, side.syscalls().eventfd(5, EFD_NONBLOCK), fd -> {
                assertThat(readCounter(side, fd, buf)).as("initial value").isEqualTo(5);
                assertErrno(() -> side.syscalls().read(fd, buf.address, 8), Errno.EAGAIN);
                writeCounter(side, fd, buf, 3);
                writeCounter(side, fd, buf, 4);
                assertThat(readCounter(side, fd, buf)).isEqualTo(7);
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sides")
    void eventfdSemaphoreCountsDownByOne(Side side) throws KernelException {
        try (Buffer buf = new Buffer(side)) {
            withFd(side, side.syscalls().eventfd(2, EFD_SEMAPHORE | EFD_NONBLOCK), fd -> {
                assertThat(readCounter(side, fd, buf)).isEqualTo(1);
                assertThat(readCounter(side, fd, buf)).isEqualTo(1);
                assertErrno(() -> side.syscalls().read(fd, buf.address, 8), Errno.EAGAIN);
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sides")
    void eventfdShortBuffersAndOverflow(Side side) throws KernelException {
        try (Buffer buf = new Buffer(side)) {
            withFd(side, side.syscalls().eventfd(1, EFD_NONBLOCK), fd -> {
                assertErrno(() -> side.syscalls().read(fd, buf.address, 7), Errno.EINVAL);
                assertErrno(() -> side.syscalls().write(fd, buf.address, 4), Errno.EINVAL);
                side.memory().store(buf.address, 8, -1L);
                assertErrno(() -> side.syscalls().write(fd, buf.address, 8), Errno.EINVAL);
                side.memory().store(buf.address, 8, -2L);
                assertErrno(() -> side.syscalls().write(fd, buf.address, 8), Errno.EAGAIN);
                assertThat(readCounter(side, fd, buf)).as("a refused write adds nothing").isEqualTo(1);
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sides")
    void eventfdRefusesUnknownFlags(Side side) {
        assertErrno(() -> side.syscalls().eventfd(0, 0x4), Errno.EINVAL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sides")
    void anonymousMmapArgumentErrors(Side side) throws KernelException {
        Syscalls sys = side.syscalls();
        int anon = Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS;
        assertErrno(() -> sys.mmap(0, Mman.PROT_READ, anon, -1, 0), Errno.EINVAL);
        assertErrno(() -> sys.mmap(4096, Mman.PROT_READ, Mman.MAP_ANONYMOUS, -1, 0), Errno.EINVAL);
        long address = sys.mmap(2 * Mman.PAGE_SIZE, Mman.PROT_READ | Mman.PROT_WRITE, anon, -1, 0);
        try {
            assertThat(address % Mman.PAGE_SIZE).isZero();
            assertErrno(() -> sys.munmap(address + 1, Mman.PAGE_SIZE), Errno.EINVAL);
            assertErrno(() -> sys.munmap(address, 0), Errno.EINVAL);
            side.memory().store(address + Mman.PAGE_SIZE, 4, 0xdead_beefL);
            assertThat(side.memory().load(address + Mman.PAGE_SIZE, 4)).isEqualTo(0xdead_beefL);
        } finally {
            sys.munmap(address, 2 * Mman.PAGE_SIZE);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sides")
    void devZeroMapsFreshZeroedMemory(Side side) throws KernelException {
        long length = 2 * Mman.PAGE_SIZE;
        withFd(side, side.syscalls().open("/dev/zero", O_RDWR), fd -> {
            long address = side.syscalls().mmap(length, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_PRIVATE, fd, 0);
            try {
                assertThat(side.memory().copyFromUser(address, (int) length)).containsOnly(0);
                side.memory().store(address + Mman.PAGE_SIZE + 8, 8, 0x0123_4567_89ab_cdefL);
                assertThat(side.memory().load(address + Mman.PAGE_SIZE + 8, 4)).isEqualTo(0x89ab_cdefL);
                assertThat(side.memory().copyFromUser(address + Mman.PAGE_SIZE + 15, 1)).containsExactly(0x01);
            } finally {
                side.syscalls().munmap(address, length);
            }
        });
    }

    @ParameterizedTest(name = "/dev/{0}")
    @ValueSource(strings = {"null", "zero", "full", "random", "urandom"})
    void memoryNodesStatTheSameOnBoth(String node) throws KernelException {
        try (Side model = Side.model(); Side host = Side.host()) {
            Stat expected = host.syscalls().stat("/dev/" + node);
            Stat actual = model.syscalls().stat("/dev/" + node);
            assertThat(actual.mode()).as("st_mode").isEqualTo(expected.mode());
            assertThat(actual.rdev()).as("st_rdev").isEqualTo(expected.rdev());
            withFd(model, model.syscalls().open("/dev/" + node, O_RDONLY), fd -> {
                assertThat(model.syscalls().fstat(fd).rdev()).isEqualTo(expected.rdev());
            });
        }
    }

    @Test
    void hostProcMiscKeepsV314StaticMinors() throws KernelException {
        try (Side host = Side.host()) {
            List<ProcMisc.Entry> entries = ProcMisc.parse("/proc/misc", host.readText("/proc/misc"));
            List<ProcMisc.Entry> known = entries.stream()
                    .filter(e -> MiscMinors.byDeviceName(e.name()).isPresent()).toList();
            assumeFalse(known.isEmpty(),
                    "this kernel registers none of v3.14's static misc devices");
            assertThat(known).allSatisfy(e ->
                    assertThat(e.minor()).as(e.name()).isEqualTo(MiscMinors.byDeviceName(e.name()).orElseThrow()));
        }
    }

    @Test
    void procDevicesListsMemOnBoth() throws KernelException {
        try (Side model = Side.model(); Side host = Side.host()) {
            assertThat(model.readText("/proc/devices")).contains("\n  1 mem\n");
            assertThat(host.readText("/proc/devices")).contains("\n  1 mem\n");
        }
    }

    private static long readCounter(Side side, int fd, Buffer buf) throws KernelException {
        assertThat(side.syscalls().read(fd, buf.address, 8)).isEqualTo(8);
        return side.memory().load(buf.address, 8);
    }

    private static void writeCounter(Side side, int fd, Buffer buf, long value) throws KernelException {
        side.memory().store(buf.address, 8, value);
        assertThat(side.syscalls().write(fd, buf.address, 8)).isEqualTo(8);
    }

    private static void assertErrno(KernelCall call, Errno errno) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(KernelException.class,
                e -> assertThat(e.errno()).isEqualTo(errno));
    }

    /** Runs checks on an fd, then closes it on the side it came from. */
    private static void withFd(Side side, int fd, FdCheck check) throws KernelException {
        try {
            check.run(fd);
        } finally {
            side.syscalls().close(fd);
        }
    }

    @FunctionalInterface
    private interface FdCheck {
        void run(int fd) throws KernelException;
    }

    @FunctionalInterface
    private interface KernelCall {
        void run() throws KernelException;
    }

    /** A page of the side's anonymous memory. */
    private static final class Buffer implements AutoCloseable {
        final long address;
        private final UserMemory memory;

        Buffer(Side side) throws KernelException {
            this.memory = side.memory();
            this.address = memory.mmap(Mman.PAGE_SIZE);
        }

        void fill(byte value) throws KernelException {
            byte[] bytes = new byte[(int) Mman.PAGE_SIZE];
            Arrays.fill(bytes, value);
            memory.copyToUser(address, bytes);
        }

        byte[] bytes(int n) throws KernelException {
            return memory.copyFromUser(address, n);
        }

        @Override
        public void close() throws KernelException {
            memory.munmap(address, Mman.PAGE_SIZE);
        }
    }
}
