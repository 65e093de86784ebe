package org.devmodel.core.internal.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devmodel.core.internal.Errnos.errnoOf;

import java.nio.charset.StandardCharsets;
import org.devmodel.core.Errno;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.FileOperations;
import org.devmodel.core.fs.OpenFile;
import org.devmodel.core.fs.OpenFlags;
import org.devmodel.core.internal.TestNodes;
import org.devmodel.core.proc.Credentials;
import org.devmodel.core.proc.Mman;
import org.devmodel.core.proc.Syscalls;
import org.devmodel.core.proc.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** User memory seen through the system calls: EFAULT on bad pointers and the sparse address space. */
class UserMemoryTest {
    private static final int RW = Mman.PROT_READ | Mman.PROT_WRITE;
    private static final int ANON = Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS;
    private static final long GIB = 1L << 30;

    private Kernel kernel;
    private Task task;
    private Syscalls sys;

    @BeforeEach
    void boot() throws Exception {
        kernel = Kernel.boot();
        task = kernel.spawn(Credentials.ROOT);
        sys = task.syscalls();
    }

    @AfterEach
    void shutdown() {
        kernel.close();
    }

    @Test
    void aReadIntoAnUnmappedBufferIsEfault() throws Exception {
        int fd = sys.open("/proc/devices", OpenFlags.O_RDONLY);

        assertThat(errnoOf(() -> sys.read(fd, 0x1000, 64))).isEqualTo(Errno.EFAULT);
        assertThat(errnoOf(() -> sys.read(fd, 0, 64))).isEqualTo(Errno.EFAULT);
    }

    @Test
    void aReadThatRunsOffTheEndOfAMappingIsEfaultAndWritesNothing() throws Exception {
        int fd = sys.open("/proc/devices", OpenFlags.O_RDONLY);
        long buf = sys.mmap(4096, RW, ANON, -1, 0);

        assertThat(errnoOf(() -> sys.read(fd, buf + 4096 - 4, 64))).isEqualTo(Errno.EFAULT);
        assertThat(task.memory().copyFromUser(buf + 4096 - 4, 4)).containsOnly(0);
    }

    @Test
    void aBufferIsEfaultAgainOnceUnmapped() throws Exception {
        int fd = sys.open("/proc/devices", OpenFlags.O_RDONLY);
        long buf = sys.mmap(4096, RW, ANON, -1, 0);
        sys.munmap(buf, 4096);

        assertThat(errnoOf(() -> sys.read(fd, buf, 16))).isEqualTo(Errno.EFAULT);
    }

    @Test
    void anIoctlPointerToUnmappedMemoryIsEfaultFromCopyFromUser() throws Exception {
        TestNodes.node(kernel, "copier", 0666, new FileOperations() {
            @Override
            public long ioctl(OpenFile file, Task current, int cmd, long arg) throws KernelException {
                byte[] in = current.memory().copyFromUser(arg, 8);
                current.memory().copyToUser(arg, in);
                return 0;
            }
        });
        int fd = sys.open("/dev/copier", OpenFlags.O_RDWR);
        long buf = sys.mmap(4096, RW, ANON, -1, 0);

        assertThat(sys.ioctl(fd, 1, buf)).isZero();
        assertThat(errnoOf(() -> sys.ioctl(fd, 1, buf + 8192))).isEqualTo(Errno.EFAULT);
        assertThat(errnoOf(() -> sys.ioctl(fd, 1, -8))).isEqualTo(Errno.EFAULT);
    }

    @Test
    void aLargeMappingCostsNoPagesUntilTouched() throws Exception {
        long big = sys.mmap(4 * GIB, RW, ANON, -1, 0);

        assertThat(big).isEqualTo(0x7f0000000000L);
        assertThat(task.memory().residentPages()).isZero();
        assertThat(task.memory().copyFromUser(big + 3 * GIB, 16)).containsOnly(0);
        assertThat(task.memory().residentPages()).as("reading zeros allocates nothing").isZero();

        task.memory().copyToUser(big + 3 * GIB + 4090, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        assertThat(task.memory().residentPages()).as("a write across a page boundary").isEqualTo(2);
    }

    @Test
    void eachLaterMappingStartsOneGuardPageAboveThePrevious() throws Exception {
        long first = sys.mmap(GIB, RW, ANON, -1, 0);
        long second = sys.mmap(100, RW, ANON, -1, 0);
        long third = sys.mmap(4096, RW, ANON, -1, 0);

        assertThat(first).isEqualTo(0x7f0000000000L);
        assertThat(second).isEqualTo(first + GIB + 4096);
        assertThat(third).isEqualTo(second + 4096 + 4096);
        assertThat(errnoOf(() -> task.memory().copyFromUser(first + GIB, 1))).as("the guard page")
                .isEqualTo(Errno.EFAULT);
    }

    @Test
    void aReadFillsTheBufferThroughTheSyscalls() throws Exception {
        kernel.chrdev().registerRegion(org.devmodel.core.DevT.of(10, 0), 256, "misc");
        int fd = sys.open("/proc/devices", OpenFlags.O_RDONLY);
        long buf = sys.mmap(4096, RW, ANON, -1, 0);

        long first = sys.read(fd, buf, 10);
        long rest = sys.read(fd, buf + first, 4096 - first);

        String text = new String(task.memory().copyFromUser(buf, (int) (first + rest)), StandardCharsets.US_ASCII);
        assertThat(text).isEqualTo("Character devices:\n 10 misc\n\nBlock devices:\n");
        assertThat(sys.read(fd, buf, 10)).as("end of file").isZero();
        assertThat(sys.pread(fd, buf, 4, 0)).isEqualTo(4);
        assertThat(task.memory().copyFromUser(buf, 4)).isEqualTo("Char".getBytes(StandardCharsets.US_ASCII));
    }
}
