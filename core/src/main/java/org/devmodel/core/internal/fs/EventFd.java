package org.devmodel.core.internal.fs;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicBoolean;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.EventFdContext;
import org.devmodel.core.fs.EventFdFlags;
import org.devmodel.core.fs.FileOperations;
import org.devmodel.core.fs.FilePosition;
import org.devmodel.core.fs.OpenFile;
import org.devmodel.core.fs.OpenFlags;
import org.devmodel.core.proc.FileRef;
import org.devmodel.core.proc.Task;

/**
 * {@code fs/eventfd.c} of v3.14: the {@code [eventfd]} anonymous file and its 8-byte counter.
 *
 * <p>devmodel's syscalls never sleep. Where Linux would block (a read of a zero counter, a write
 * that would overflow it) a blocking eventfd answers EAGAIN just like a non-blocking one; the
 * caller (the CLI's scenario runner) advances the virtual clock, on which devices complete their
 * work and raise their interrupts, and retries. So {@code EFD_NONBLOCK} is recorded in the file's
 * flags but changes no answer.
 */
public final class EventFd implements FileOperations {
    /** {@code ULLONG_MAX}: the counter stops one below it, and writing it is EINVAL. */
    private static final long ULLONG_MAX = -1L;
    /** The size of the counter, and the least a read or write may ask for. */
    private static final int COUNTER_SIZE = Long.BYTES;
    /** {@code EFD_SHARED_FCNTL_FLAGS | EFD_SEMAPHORE}: every other bit is EINVAL. */
    private static final int EFD_FLAGS_SET = EventFdFlags.EFD_CLOEXEC | EventFdFlags.EFD_NONBLOCK
            | EventFdFlags.EFD_SEMAPHORE;

    /** The operations are stateless; every file's counter is its private data. */
    private static final EventFd FOPS = new EventFd();

    private EventFd() {
    }

    /**
     * {@code eventfd_file_create} + {@code fd_install}: the body of {@code eventfd2(initval, flags)}.
     *
     * @param vfs where anonymous files come from
     * @param current the calling process, which gets the fd
     * @param initval the initial counter; the kernel's argument is an {@code unsigned int}, so only
     *     the low 32 bits count, as C's conversion makes them
     * @param flags {@code EFD_NONBLOCK}, {@code EFD_CLOEXEC}, {@code EFD_SEMAPHORE}
     * @return the fd
     * @throws KernelException EINVAL for any other flag, EMFILE when the fd table is full
     */
    public static int create(VfsImpl vfs, Task current, long initval, int flags) throws KernelException {
        if ((flags & ~EFD_FLAGS_SET) != 0) {
            throw new KernelException(Errno.EINVAL);
        }
        // EFD_CLOEXEC is accepted and has nothing to do: devmodel processes never exec
        Counter counter = new Counter(initval & 0xffffffffL, (flags & EventFdFlags.EFD_SEMAPHORE) != 0);
        OpenFile file = vfs.openAnonymous("[eventfd]", FOPS, counter,
                OpenFlags.O_RDWR | flags & EventFdFlags.EFD_NONBLOCK);
        // fdInstall drops the file's reference itself when the table is full
        return current.fdInstall(file);
    }

    /**
     * {@code eventfd_ctx_fdget}.
     *
     * @param current the process owning the fd
     * @param fd the fd
     * @return the context, holding a file reference
     * @throws KernelException EBADF for a closed fd, EINVAL for a file that is no eventfd
     */
    public static EventFdContext ctxFdget(Task current, int fd) throws KernelException {
        FileRef ref = current.fdget(fd);
        if (ref.file().operations() != FOPS) {
            ref.close();
            throw new KernelException(Errno.EINVAL);
        }
        return new Context(ref, ref.file().privateData(Counter.class));
    }

    @Override
    public long read(OpenFile file, Task current, long buf, long count, FilePosition position)
            throws KernelException {
        if (count < COUNTER_SIZE) {
            throw new KernelException(Errno.EINVAL);
        }
        long value = file.privateData(Counter.class).take();
        // the kernel consumes the count before put_user, so a bad buffer loses it too
        current.memory().copyToUser(buf, ByteBuffer.allocate(COUNTER_SIZE).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(value).array());
        return COUNTER_SIZE;
    }

    @Override
    public long write(OpenFile file, Task current, long buf, long count, FilePosition position)
            throws KernelException {
        if (count < COUNTER_SIZE) {
            throw new KernelException(Errno.EINVAL);
        }
        long value = ByteBuffer.wrap(current.memory().copyFromUser(buf, COUNTER_SIZE))
                .order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (value == ULLONG_MAX) {
            throw new KernelException(Errno.EINVAL);
        }
        file.privateData(Counter.class).add(value);
        return COUNTER_SIZE;
    }

    /** {@code struct eventfd_ctx}'s count and flags; every method holds the object's lock ({@code wqh.lock}). */
    static final class Counter {
        private final boolean semaphore;
        private long count;

        Counter(long initval, boolean semaphore) {
            this.count = initval;
            this.semaphore = semaphore;
        }

        /** {@code eventfd_ctx_read}: all of the count, or 1 of it for a semaphore; EAGAIN at zero. */
        synchronized long take() throws KernelException {
            if (count == 0) {
                throw new KernelException(Errno.EAGAIN);
            }
            long value = semaphore ? 1 : count;
            count -= value;
            return value;
        }

        /** {@code eventfd_write}: adds unless the sum would reach {@code ULLONG_MAX}, else EAGAIN. */
        synchronized void add(long value) throws KernelException {
            if (Long.compareUnsigned(ULLONG_MAX - count, value) <= 0) {
                throw new KernelException(Errno.EAGAIN);
            }
            count += value;
        }

        /** {@code eventfd_signal}: adds as much of {@code n} as fits below {@code ULLONG_MAX}. */
        synchronized long signal(long n) {
            long added = Long.compareUnsigned(ULLONG_MAX - count, n) < 0 ? ULLONG_MAX - count : n;
            count += added;
            return added;
        }

        synchronized long count() {
            return count;
        }
    }

    /** A driver's hold on a counter: the file reference keeps the counter's file alive. */
    private static final class Context implements EventFdContext {
        private final FileRef file;
        private final Counter counter;
        private final AtomicBoolean put = new AtomicBoolean();

        Context(FileRef file, Counter counter) {
            this.file = file;
            this.counter = counter;
        }

        @Override
        public long signal(long n) {
            return counter.signal(n);
        }

        @Override
        public long count() {
            return counter.count();
        }

        @Override
        public void put() {
            if (put.getAndSet(true)) {
                throw new IllegalStateException("eventfd_ctx_put of a context already put");
            }
            file.close();
        }
    }
}
