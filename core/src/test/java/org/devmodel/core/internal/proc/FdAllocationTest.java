package org.devmodel.core.internal.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devmodel.core.internal.Errnos.errnoOf;

import java.util.ArrayList;
import java.util.List;
import org.devmodel.core.Errno;
import org.devmodel.core.Kernel;
import org.devmodel.core.fs.FileOperations;
import org.devmodel.core.fs.Inode;
import org.devmodel.core.fs.OpenFile;
import org.devmodel.core.fs.OpenFlags;
import org.devmodel.core.internal.TestNodes;
import org.devmodel.core.proc.Credentials;
import org.devmodel.core.proc.FileRef;
import org.devmodel.core.proc.Syscalls;
import org.devmodel.core.proc.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fd table: the lowest free fd from 3, reuse after close, and when {@code release} runs. */
class FdAllocationTest {
    private final List<String> released = new ArrayList<>();
    private final List<String> opened = new ArrayList<>();
    private Kernel kernel;
    private Task task;
    private Syscalls sys;

    @BeforeEach
    void boot() throws Exception {
        kernel = Kernel.boot();
        task = kernel.spawn(Credentials.ROOT);
        sys = task.syscalls();
        TestNodes.node(kernel, "counted", 0666, new FileOperations() {
            @Override
            public void open(Inode inode, OpenFile file, Task current) {
                opened.add(file.path());
            }

            @Override
            public void release(Inode inode, OpenFile file) {
                released.add(file.path());
            }
        });
    }

    @AfterEach
    void shutdown() {
        kernel.close();
    }

    @Test
    void fdsAreHandedOutFromThreeUpwards() throws Exception {
        assertThat(sys.open("/dev/counted", OpenFlags.O_RDWR)).isEqualTo(3);
        assertThat(sys.open("/dev/counted", OpenFlags.O_RDWR)).isEqualTo(4);
        assertThat(sys.open("/proc/devices", OpenFlags.O_RDONLY)).isEqualTo(5);
    }

    @Test
    void theLowestFreeFdIsReusedFirst() throws Exception {
        for (int i = 0; i < 4; i++) {
            sys.open("/dev/counted", OpenFlags.O_RDWR);
        }
        sys.close(5);
        sys.close(4);

        assertThat(sys.open("/dev/counted", OpenFlags.O_RDWR)).isEqualTo(4);
        assertThat(sys.open("/dev/counted", OpenFlags.O_RDWR)).isEqualTo(5);
        assertThat(sys.open("/dev/counted", OpenFlags.O_RDWR)).isEqualTo(7);
    }

    @Test
    void eachProcessHasItsOwnTable() throws Exception {
        Syscalls other = kernel.spawn(Credentials.ROOT).syscalls();
        sys.open("/dev/counted", OpenFlags.O_RDWR);

        assertThat(other.open("/dev/counted", OpenFlags.O_RDWR)).isEqualTo(3);
        assertThat(errnoOf(() -> other.close(4))).isEqualTo(Errno.EBADF);
    }

    @Test
    void anAnonymousFileInstalledGetsTheLowestFreeFd() throws Exception {
        sys.open("/dev/counted", OpenFlags.O_RDWR);
        sys.open("/dev/counted", OpenFlags.O_RDWR);
        sys.close(3);
        OpenFile anon = kernel.vfs().openAnonymous("[test]", new FileOperations() { }, "private",
                OpenFlags.O_RDWR);

        int fd = task.fdInstall(anon);

        assertThat(fd).isEqualTo(3);
        assertThat(sys.fstat(fd).fileSystem()).isEqualTo("anon_inodefs");
        try (FileRef ref = task.fdget(fd)) {
            assertThat(ref.file().privateData()).contains("private");
            assertThat(ref.file().path()).isEqualTo("anon_inode:[test]");
        }
    }

    @Test
    void releaseRunsOnceWhenTheLastReferenceGoesNotAtClose() throws Exception {
        int fd = sys.open("/dev/counted", OpenFlags.O_RDWR);
        FileRef ref = task.fdget(fd);

        sys.close(fd);
        assertThat(released).isEmpty();
        assertThat(ref.file().path()).isEqualTo("/dev/counted");

        ref.close();
        assertThat(released).containsExactly("/dev/counted");
    }

    @Test
    void fdgetOfAClosedFdIsEbadf() {
        assertThat(errnoOf(() -> task.fdget(3))).isEqualTo(Errno.EBADF);
    }

    @Test
    void processExitClosesEveryFd() throws Exception {
        sys.open("/dev/counted", OpenFlags.O_RDWR);
        sys.open("/dev/counted", OpenFlags.O_RDONLY);

        kernel.exit(task);

        assertThat(released).hasSize(2);
        assertThat(kernel.snapshot().section("fds")).isEmpty();
        assertThat(kernel.snapshot().section("open files")).isEmpty();
    }

    @Test
    void openFilesAreListedByPidAndFdAndWithTheirReferences() throws Exception {
        sys.open("/dev/counted", OpenFlags.O_RDWR);

        assertThat(kernel.snapshot().section("fds")).containsExactly("pid " + task.pid() + " fd 3 /dev/counted");
        assertThat(kernel.snapshot().section("open files")).containsExactly("/dev/counted (refs 1)");
    }

    @Test
    void aFileADriverKeptAfterTheProcessExitedIsStillListed() throws Exception {
        int fd = sys.open("/dev/counted", OpenFlags.O_RDWR);
        task.fdget(fd); // a driver's fdget that is never put: the leak snapshots must show

        kernel.exit(task);

        assertThat(released).isEmpty();
        assertThat(kernel.snapshot().section("fds")).isEmpty();
        assertThat(kernel.snapshot().section("open files")).containsExactly("/dev/counted (refs 1)");
    }

    @Test
    void theTableIsFullAtTheLimitWithEmfile() throws Exception {
        for (int fd = 3; fd < FdTable.MAX_FDS; fd++) {
            sys.open("/proc/devices", OpenFlags.O_RDONLY);
        }

        assertThat(errnoOf(() -> sys.open("/proc/devices", OpenFlags.O_RDONLY))).isEqualTo(Errno.EMFILE);
        sys.close(100);
        assertThat(sys.open("/proc/devices", OpenFlags.O_RDONLY)).isEqualTo(100);
    }

    @Test
    void aFullTableIsEmfileBeforeTheDriverIsAsked() throws Exception {
        for (int fd = 3; fd < FdTable.MAX_FDS; fd++) {
            sys.open("/proc/devices", OpenFlags.O_RDONLY);
        }

        assertThat(errnoOf(() -> sys.open("/dev/counted", OpenFlags.O_RDWR))).isEqualTo(Errno.EMFILE);
        assertThat(opened).as("do_sys_open takes the fd before the driver's open").isEmpty();
        assertThat(released).isEmpty();
    }

    @Test
    void anAnonymousFileWithNoFreeFdIsReleasedAsFputWould() throws Exception {
        for (int fd = 3; fd < FdTable.MAX_FDS; fd++) {
            sys.open("/proc/devices", OpenFlags.O_RDONLY);
        }
        List<String> anonReleased = new ArrayList<>();
        OpenFile anon = kernel.vfs().openAnonymous("[test]", new FileOperations() {
            @Override
            public void release(Inode inode, OpenFile file) {
                anonReleased.add(file.path());
            }
        }, null, OpenFlags.O_RDWR);

        assertThat(errnoOf(() -> task.fdInstall(anon))).isEqualTo(Errno.EMFILE);
        assertThat(anonReleased).containsExactly("anon_inode:[test]");
        assertThat(kernel.snapshot().section("open files")).noneMatch(f -> f.startsWith("anon_inode:"));
    }

    @Test
    void anEventfdWithNoFreeFdIsEmfileAndReleased() throws Exception {
        for (int fd = 3; fd < FdTable.MAX_FDS; fd++) {
            sys.open("/proc/devices", OpenFlags.O_RDONLY);
        }

        assertThat(errnoOf(() -> sys.eventfd(0, 0))).isEqualTo(Errno.EMFILE);
        assertThat(kernel.snapshot().section("open files")).noneMatch(f -> f.startsWith("anon_inode:"));
    }

    @Test
    void aFailedOpenGivesItsFdBack() throws Exception {
        assertThat(errnoOf(() -> sys.open("/dev/missing", OpenFlags.O_RDWR))).isEqualTo(Errno.ENOENT);

        assertThat(sys.open("/dev/counted", OpenFlags.O_RDWR)).isEqualTo(3);
        assertThat(kernel.snapshot().section("fds")).hasSize(1);
    }
}
