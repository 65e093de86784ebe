package org.devmodel.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.EventFdFlags;
import org.devmodel.core.fs.OpenFlags;
import org.devmodel.core.proc.Mman;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What only the host side has: the calls the model's {@code Syscalls} lacks, and real memory's bounds. */
@Timeout(30)
class HostSyscallsTest {
    private final HostSyscalls host = HostBridge.syscalls();

    @Test
    void strerrorIsGlibcsMessageThatErrnoAlsoHolds() {
        for (Errno errno : new Errno[] {Errno.ENOENT, Errno.EINVAL, Errno.ENOTTY, Errno.ENOSPC}) {
            assertThat(host.strerror(errno.number())).isEqualTo(errno.message());
        }
    }

    @Test
    void memlockLimitReadsBackAndASoftLimitAboveTheHardOneIsEinval() throws KernelException {
        Rlimit limit = host.getrlimit(Rlimit.RLIMIT_MEMLOCK);
        host.setrlimit(Rlimit.RLIMIT_MEMLOCK, limit);

        assertThat(host.getrlimit(Rlimit.RLIMIT_MEMLOCK)).isEqualTo(limit);
        if (limit.maximum() != Rlimit.RLIM_INFINITY) {
            assertThatThrownBy(() -> host.setrlimit(Rlimit.RLIMIT_MEMLOCK,
                    new Rlimit(limit.maximum() + 1, limit.maximum())))
                    .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EINVAL));
        }
        assertThatThrownBy(() -> host.getrlimit(-1))
                .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EINVAL));
    }

    @Test
    void munlockOfAnUnmappedRangeIsEnomem() throws KernelException {
        long address = host.memory().mmap(2 * Mman.PAGE_SIZE);
        host.memory().munmap(address + Mman.PAGE_SIZE, Mman.PAGE_SIZE);
        try {
            assertThatThrownBy(() -> host.munlock(address, 2 * Mman.PAGE_SIZE)).isInstanceOfSatisfying(
                    KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOMEM));
        } finally {
            host.memory().munmap(address, Mman.PAGE_SIZE);
        }
    }

    @Test
    void nativeMemoryFaultsOutsideItsMappingsEvenAfterASplit() throws KernelException {
        long address = host.memory().mmap(3 * Mman.PAGE_SIZE);
        host.memory().munmap(address + Mman.PAGE_SIZE, Mman.PAGE_SIZE);
        try {
            host.memory().store(address + 2 * Mman.PAGE_SIZE, 8, 7);
            assertThat(host.memory().load(address + 2 * Mman.PAGE_SIZE, 8)).isEqualTo(7);
            assertThatThrownBy(() -> host.memory().load(address + Mman.PAGE_SIZE, 1)).isInstanceOfSatisfying(
                    KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EFAULT));
            assertThatThrownBy(() -> host.memory().copyFromUser(address, (int) (2 * Mman.PAGE_SIZE)))
                    .as("a range across the hole").isInstanceOf(KernelException.class);
        } finally {
            host.memory().munmap(address, 3 * Mman.PAGE_SIZE);
        }
    }

    @Test
    void pollSeesAnEventfdReadableOnlyOnceItsCounterIsSetAndFcntlReportsNonblock() throws KernelException {
        int fd = host.eventfd(0, EventFdFlags.EFD_NONBLOCK);
        try {
            assertThat(host.fileStatusFlags(fd) & OpenFlags.O_NONBLOCK).isEqualTo(OpenFlags.O_NONBLOCK);
            assertThat(host.poll(fd, HostSyscalls.POLLIN, Duration.ofMillis(10))).as("empty counter").isZero();
            assertThat(host.poll(fd, HostSyscalls.POLLOUT, Duration.ZERO)).isEqualTo(HostSyscalls.POLLOUT);
            long buf = host.memory().mmap(Mman.PAGE_SIZE);
            host.memory().store(buf, 8, 1);
            host.write(fd, buf, 8);
            host.memory().munmap(buf, Mman.PAGE_SIZE);
            assertThat(host.poll(fd, HostSyscalls.POLLIN, Duration.ZERO)).isEqualTo(HostSyscalls.POLLIN);
        } finally {
            host.close(fd);
        }
        assertThatThrownBy(() -> host.fileStatusFlags(fd))
                .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EBADF));
    }

    @Test
    void dupfdGivesTheLowestFreeNumberFromTheMinimumForTheSameFile() throws KernelException {
        int fd = host.open("/dev/null", OpenFlags.O_WRONLY);
        int dup = host.dupfd(fd, 100);
        try {
            assertThat(dup).isGreaterThanOrEqualTo(100);
            assertThat(host.fstat(dup)).isEqualTo(host.fstat(fd));
            assertThat(host.fileStatusFlags(dup) & OpenFlags.O_ACCMODE).isEqualTo(OpenFlags.O_WRONLY);
        } finally {
            host.close(dup);
            host.close(fd);
        }
    }

    @Test
    void aFixedMappingLandsWhereAskedAndNeverOverAnotherOne() throws KernelException {
        long address = 0x2000_0000L;
        host.memory().mmapFixed(address, 2 * Mman.PAGE_SIZE);
        try {
            host.memory().store(address + Mman.PAGE_SIZE, 4, 42);
            assertThat(host.memory().load(address + Mman.PAGE_SIZE, 4)).isEqualTo(42);
            assertThatThrownBy(() -> host.memory().mmapFixed(address + Mman.PAGE_SIZE, Mman.PAGE_SIZE))
                    .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EEXIST));
            assertThat(host.memory().load(address + Mman.PAGE_SIZE, 4)).as("left alone").isEqualTo(42);
        } finally {
            host.memory().munmap(address, 2 * Mman.PAGE_SIZE);
        }
    }
}
