package org.devmodel.core.internal.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devmodel.core.internal.Errnos.errnoOf;

import java.util.ArrayList;
import java.util.List;
import org.devmodel.core.DevT;
import org.devmodel.core.Errno;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.KernelOptions;
import org.devmodel.core.fs.FileOperations;
import org.devmodel.core.fs.FileType;
import org.devmodel.core.fs.Inode;
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

/** The errno of each failing system call, and the defaults of operations a driver leaves out. */
class SyscallErrnoTest {
    private final List<String> requests = new ArrayList<>();
    private Kernel kernel;
    private Syscalls sys;

    @BeforeEach
    void boot() throws Exception {
        kernel = Kernel.boot(KernelOptions.builder().moduleRequestHandler((k, alias) -> {
            requests.add(alias);
            return 256;
        }).build());
        sys = kernel.spawn(Credentials.ROOT).syscalls();
    }

    @AfterEach
    void shutdown() {
        kernel.close();
    }

    @Test
    void openOfAMissingPathIsEnoent() {
        assertThat(errnoOf(() -> sys.open("/dev/nothing", OpenFlags.O_RDWR))).isEqualTo(Errno.ENOENT);
        assertThat(errnoOf(() -> sys.open("/nowhere/at/all", OpenFlags.O_RDONLY))).isEqualTo(Errno.ENOENT);
    }

    @Test
    void openThroughAFileAsIfADirectoryIsEnotdir() {
        assertThat(errnoOf(() -> sys.open("/proc/devices/x", OpenFlags.O_RDONLY))).isEqualTo(Errno.ENOTDIR);
    }

    @Test
    void openOfADirectoryForWritingIsEisdir() {
        assertThat(errnoOf(() -> sys.open("/dev", OpenFlags.O_RDWR))).isEqualTo(Errno.EISDIR);
    }

    @Test
    void openOfANodeNoCdevServesIsEnxioAfterBothModuleRequests() {
        kernel.vfs().devtmpfs().createStaticNode("ghost", FileType.CHAR_DEVICE, DevT.of(240, 5));

        assertThat(errnoOf(() -> sys.open("/dev/ghost", OpenFlags.O_RDWR))).isEqualTo(Errno.ENXIO);
        assertThat(requests).containsExactly("char-major-240-5", "char-major-240");
    }

    @Test
    void aModuleRequestThatRegistersTheCdevLetsTheOpenSucceed() throws Exception {
        try (Kernel loader = Kernel.boot(KernelOptions.builder().moduleRequestHandler((k, alias) -> {
            requests.add(alias);
            try {
                k.chrdev().cdevAdd(DevT.of(240, 5), 1, new FileOperations() { });
                return 0;
            } catch (KernelException e) {
                return -e.errno().number();
            }
        }).build())) {
            loader.vfs().devtmpfs().createStaticNode("ghost", FileType.CHAR_DEVICE, DevT.of(240, 5));
            int fd = loader.spawn(Credentials.ROOT).syscalls().open("/dev/ghost", OpenFlags.O_RDWR);

            assertThat(fd).isEqualTo(3);
            assertThat(requests).containsExactly("char-major-240-5");
        }
    }

    @Test
    void theDriversOpenErrnoIsTheOpensErrnoAndNoFdIsUsed() throws Exception {
        List<String> released = new ArrayList<>();
        TestNodes.node(kernel, "refuser", 0666, new FileOperations() {
            @Override
            public void open(Inode inode, OpenFile file, Task current) throws KernelException {
                throw new KernelException(Errno.ENODEV);
            }

            @Override
            public void release(Inode inode, OpenFile file) {
                released.add(file.path());
            }
        });

        assertThat(errnoOf(() -> sys.open("/dev/refuser", OpenFlags.O_RDWR))).isEqualTo(Errno.ENODEV);
        assertThat(released).as("release is not called for a failed open").isEmpty();
        assertThat(sys.open("/proc/devices", OpenFlags.O_RDONLY)).isEqualTo(3);
    }

    @Test
    void closeOfAnFdNeverOpenedOrClosedTwiceIsEbadf() throws Exception {
        assertThat(errnoOf(() -> sys.close(3))).isEqualTo(Errno.EBADF);
        assertThat(errnoOf(() -> sys.close(-1))).isEqualTo(Errno.EBADF);
        int fd = sys.open("/proc/devices", OpenFlags.O_RDONLY);
        sys.close(fd);
        assertThat(errnoOf(() -> sys.close(fd))).isEqualTo(Errno.EBADF);
    }

    @Test
    void everyCallOnAClosedFdIsEbadf() throws Exception {
        long buf = sys.mmap(4096, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS, -1, 0);

        assertThat(errnoOf(() -> sys.read(5, buf, 1))).isEqualTo(Errno.EBADF);
        assertThat(errnoOf(() -> sys.write(5, buf, 1))).isEqualTo(Errno.EBADF);
        assertThat(errnoOf(() -> sys.ioctl(5, 0, 0))).isEqualTo(Errno.EBADF);
        assertThat(errnoOf(() -> sys.fstat(5))).isEqualTo(Errno.EBADF);
        assertThat(errnoOf(() -> sys.lseek(5, 0, 0))).isEqualTo(Errno.EBADF);
    }

    @Test
    void ioctlOnAFileWithoutIoctlIsEnotty() throws Exception {
        TestNodes.node(kernel, "plain", 0666, new FileOperations() { });
        int dev = sys.open("/dev/plain", OpenFlags.O_RDWR);
        int proc = sys.open("/proc/devices", OpenFlags.O_RDONLY);

        assertThat(errnoOf(() -> sys.ioctl(dev, 0x3b64, 0))).isEqualTo(Errno.ENOTTY);
        assertThat(errnoOf(() -> sys.ioctl(proc, 0x3b64, 0))).isEqualTo(Errno.ENOTTY);
    }

    @Test
    void readOrWriteOnAFileWithoutThemIsEinval() throws Exception {
        TestNodes.node(kernel, "plain", 0666, new FileOperations() { });
        int fd = sys.open("/dev/plain", OpenFlags.O_RDWR);
        long buf = sys.mmap(4096, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS, -1, 0);

        assertThat(errnoOf(() -> sys.read(fd, buf, 16))).isEqualTo(Errno.EINVAL);
        assertThat(errnoOf(() -> sys.write(fd, buf, 16))).isEqualTo(Errno.EINVAL);
    }

    @Test
    void writeToAnOReadOnlyFdIsEbadfAndReadFromAnOWriteOnlyFdIsEbadf() throws Exception {
        List<String> calls = new ArrayList<>();
        TestNodes.node(kernel, "rw", 0666, new FileOperations() {
            @Override
            public long read(OpenFile file, Task current, long buf, long count,
                             org.devmodel.core.fs.FilePosition position) {
                calls.add("read");
                return 0;
            }

            @Override
            public long write(OpenFile file, Task current, long buf, long count,
                              org.devmodel.core.fs.FilePosition position) {
                calls.add("write");
                return count;
            }
        });
        int ro = sys.open("/dev/rw", OpenFlags.O_RDONLY);
        int wo = sys.open("/dev/rw", OpenFlags.O_WRONLY);
        long buf = sys.mmap(4096, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS, -1, 0);

        assertThat(errnoOf(() -> sys.write(ro, buf, 1))).isEqualTo(Errno.EBADF);
        assertThat(errnoOf(() -> sys.pwrite(ro, buf, 1, 0))).isEqualTo(Errno.EBADF);
        assertThat(errnoOf(() -> sys.read(wo, buf, 1))).isEqualTo(Errno.EBADF);
        assertThat(errnoOf(() -> sys.pread(wo, buf, 1, 0))).isEqualTo(Errno.EBADF);
        assertThat(calls).as("the driver is never asked").isEmpty();
        assertThat(sys.write(wo, buf, 7)).isEqualTo(7);
        assertThat(sys.read(ro, buf, 7)).isZero();
        assertThat(calls).containsExactly("write", "read");
    }

    @Test
    void lseekOnAFileWithoutLlseekIsEspipe() throws Exception {
        TestNodes.node(kernel, "plain", 0666, new FileOperations() { });
        int fd = sys.open("/dev/plain", OpenFlags.O_RDWR);

        assertThat(errnoOf(() -> sys.lseek(fd, 0, 0))).isEqualTo(Errno.ESPIPE);
    }

    @Test
    void mmapOfAFileWithoutMmapIsEnodev() throws Exception {
        TestNodes.node(kernel, "plain", 0666, new FileOperations() { });
        int fd = sys.open("/dev/plain", OpenFlags.O_RDWR);

        assertThat(errnoOf(() -> sys.mmap(4096, Mman.PROT_READ, Mman.MAP_SHARED, fd, 0))).isEqualTo(Errno.ENODEV);
    }

    @Test
    void mmapWithAZeroLengthOrNoSharingIsEinval() {
        assertThat(errnoOf(() -> sys.mmap(0, Mman.PROT_READ, Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS, -1, 0)))
                .isEqualTo(Errno.EINVAL);
        assertThat(errnoOf(() -> sys.mmap(4096, Mman.PROT_READ, Mman.MAP_ANONYMOUS, -1, 0)))
                .isEqualTo(Errno.EINVAL);
    }

    @Test
    void aDriverBugInIoctlIsEioLoggedAndTheFdStaysUsable() throws Exception {
        TestNodes.node(kernel, "buggy", 0666, new FileOperations() {
            @Override
            public long ioctl(OpenFile file, Task current, int cmd, long arg) {
                throw new ArrayIndexOutOfBoundsException(cmd);
            }
        });
        int fd = sys.open("/dev/buggy", OpenFlags.O_RDWR);

        assertThat(errnoOf(() -> sys.ioctl(fd, 1, 0))).isEqualTo(Errno.EIO);
        assertThat(kernel.log().dmesg()).contains("BUG: kernel: ioctl threw java.lang.ArrayIndexOutOfBoundsException");
        sys.close(fd);
    }
}
