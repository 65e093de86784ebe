package org.devmodel.core.internal.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.devmodel.core.internal.Errnos.errnoOf;

import org.devmodel.core.Errno;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.EventFdContext;
import org.devmodel.core.fs.EventFdFlags;
import org.devmodel.core.fs.OpenFlags;
import org.devmodel.core.proc.Credentials;
import org.devmodel.core.proc.Mman;
import org.devmodel.core.proc.Syscalls;
import org.devmodel.core.proc.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code eventfd2}: the counter seen through read and write, and a driver's context on it. */
class EventFdTest {
    private Kernel kernel;
    private Task task;
    private Syscalls sys;
    private long buf;

    @BeforeEach
    void boot() throws KernelException {
        kernel = Kernel.boot();
        task = kernel.spawn(Credentials.ROOT);
        sys = task.syscalls();
        buf = sys.mmap(Mman.PAGE_SIZE, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS, -1, 0);
    }

    @AfterEach
    void shutdown() {
        kernel.close();
    }

    private long readCounter(int fd) throws KernelException {
        assertThat(sys.read(fd, buf, 8)).isEqualTo(8);
        return task.memory().load(buf, 8);
    }

    private long writeCounter(int fd, long value) throws KernelException {
        task.memory().store(buf, 8, value);
        return sys.write(fd, buf, 8);
    }

    @Test
    void readReturnsTheCounterLittleEndianAndResetsIt() throws KernelException {
        int fd = sys.eventfd(0x0102, 0);

        assertThat(sys.read(fd, buf, 16)).isEqualTo(8);
        assertThat(task.memory().copyFromUser(buf, 8)).containsExactly(2, 1, 0, 0, 0, 0, 0, 0);
        assertThat(errnoOf(() -> sys.read(fd, buf, 8))).isEqualTo(Errno.EAGAIN);
    }

    @Test
    void aZeroCounterIsEagainWithAndWithoutNonblock() throws KernelException {
        int blocking = sys.eventfd(0, 0);
        int nonblocking = sys.eventfd(0, EventFdFlags.EFD_NONBLOCK | EventFdFlags.EFD_CLOEXEC);

        assertThat(errnoOf(() -> sys.read(blocking, buf, 8))).isEqualTo(Errno.EAGAIN);
        assertThat(errnoOf(() -> sys.read(nonblocking, buf, 8))).isEqualTo(Errno.EAGAIN);
    }

    @Test
    void writesAddUp() throws KernelException {
        int fd = sys.eventfd(1, EventFdFlags.EFD_NONBLOCK);

        assertThat(writeCounter(fd, 2)).isEqualTo(8);
        assertThat(writeCounter(fd, 3)).isEqualTo(8);

        assertThat(readCounter(fd)).isEqualTo(6);
    }

    @Test
    void shortBuffersAndAllOnesAreEinval() throws KernelException {
        int fd = sys.eventfd(5, 0);

        assertThat(errnoOf(() -> sys.read(fd, buf, 7))).isEqualTo(Errno.EINVAL);
        assertThat(errnoOf(() -> sys.write(fd, buf, 4))).isEqualTo(Errno.EINVAL);
        assertThat(errnoOf(() -> writeCounter(fd, -1L))).isEqualTo(Errno.EINVAL);
        assertThat(readCounter(fd)).as("failed calls leave the counter alone").isEqualTo(5);
    }

    @Test
    void aWriteThatWouldReachAllOnesIsEagain() throws KernelException {
        int fd = sys.eventfd(2, 0);

        assertThat(errnoOf(() -> writeCounter(fd, -3L))).isEqualTo(Errno.EAGAIN);
        assertThat(writeCounter(fd, -4L)).isEqualTo(8);
        assertThat(readCounter(fd)).isEqualTo(-2L);
    }

    @Test
    void aSemaphoreReadTakesOne() throws KernelException {
        int fd = sys.eventfd(2, EventFdFlags.EFD_SEMAPHORE);

        assertThat(readCounter(fd)).isEqualTo(1);
        assertThat(readCounter(fd)).isEqualTo(1);
        assertThat(errnoOf(() -> sys.read(fd, buf, 8))).isEqualTo(Errno.EAGAIN);
    }

    @Test
    void unknownFlagsAreEinval() {
        assertThat(errnoOf(() -> sys.eventfd(0, OpenFlags.O_RDWR))).isEqualTo(Errno.EINVAL);
        assertThat(errnoOf(() -> sys.eventfd(0, 0100))).isEqualTo(Errno.EINVAL);
    }

    @Test
    void onlyTheLow32BitsOfInitvalCount() throws KernelException {
        int fd = sys.eventfd(0x1_0000_0007L, 0);

        assertThat(readCounter(fd)).isEqualTo(7);
    }

    @Test
    void theFileIsAnonymousAndReadWrite() throws KernelException {
        int fd = sys.eventfd(0, EventFdFlags.EFD_NONBLOCK);

        try (var ref = task.fdget(fd)) {
            assertThat(ref.file().path()).isEqualTo("anon_inode:[eventfd]");
            assertThat(ref.file().flags()).isEqualTo(OpenFlags.O_RDWR | OpenFlags.O_NONBLOCK);
        }
    }

    @Test
    void aDriverSignalsThroughAContextThatOutlivesTheFd() throws KernelException {
        int fd = sys.eventfd(0, 0);
        EventFdContext ctx = EventFdContext.fdget(task, fd);

        assertThat(ctx.signal(3)).isEqualTo(3);
        assertThat(readCounter(fd)).isEqualTo(3);

        OpenFileImpl file = (OpenFileImpl) task.fdget(fd).file();
        file.put();
        sys.close(fd);
        assertThat(file.references()).as("the context keeps the file").isEqualTo(1);
        assertThat(ctx.signal(1)).isEqualTo(1);
        assertThat(ctx.count()).isEqualTo(1);

        ctx.put();
        assertThat(file.references()).isZero();
        assertThatThrownBy(ctx::put).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void signalStopsAtAllOnes() throws KernelException {
        int fd = sys.eventfd(0, 0);
        writeCounter(fd, -10L);
        EventFdContext ctx = EventFdContext.fdget(task, fd);

        assertThat(ctx.signal(20)).isEqualTo(9);
        assertThat(ctx.count()).isEqualTo(-1L);
        ctx.put();
    }

    @Test
    void aContextOfAnotherFileIsEinvalAndOfAClosedFdEbadf() throws KernelException {
        int other = sys.open("/proc/devices", OpenFlags.O_RDONLY);

        assertThat(errnoOf(() -> EventFdContext.fdget(task, other))).isEqualTo(Errno.EINVAL);
        assertThat(errnoOf(() -> EventFdContext.fdget(task, 99))).isEqualTo(Errno.EBADF);
        OpenFileImpl file = (OpenFileImpl) task.fdget(other).file();
        assertThat(file.references()).as("the refused fdget dropped its reference").isEqualTo(2);
        file.put();
    }
}
