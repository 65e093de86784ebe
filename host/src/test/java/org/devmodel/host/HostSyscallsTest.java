package org.devmodel.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
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
}
