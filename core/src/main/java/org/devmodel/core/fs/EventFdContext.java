package org.devmodel.core.fs;

import org.devmodel.core.KernelException;
import org.devmodel.core.internal.fs.EventFd;
import org.devmodel.core.proc.Task;

/**
 * {@code struct eventfd_ctx}: the counter of an eventfd, as a driver holds it to signal a process
 * (vfio-pci turns a device interrupt into {@link #signal}). Thread-safe; {@link #signal} never
 * blocks, so it may be called from an interrupt handler.
 *
 * <p>A context holds a reference on its {@code [eventfd]} file, so the counter stays valid after
 * the process closes the fd; the driver drops it with {@link #put()} exactly once.
 */
public interface EventFdContext {

    /**
     * {@code eventfd_ctx_fdget} - the eventfd context of a process's fd.
     *
     * @param current the process whose fd table holds {@code fd}
     * @param fd the fd, as the process passed it to the driver
     * @return the context, holding a reference on the file until {@link #put()}
     * @throws KernelException EBADF when the fd is not open, EINVAL when it is no eventfd
     */
    static EventFdContext fdget(Task current, int fd) throws KernelException {
        return EventFd.ctxFdget(current, fd);
    }

    /**
     * {@code eventfd_signal} - adds to the counter, as a write would, without blocking.
     *
     * @param n the amount to add
     * @return the amount added: less than {@code n} when the sum would pass
     *     {@code 0xffffffffffffffff}, where the counter stops, as the kernel's does
     */
    long signal(long n);

    /** {@return the counter now, without consuming it (what {@code /proc/<pid>/fdinfo} shows as {@code eventfd-count})} */
    long count();

    /**
     * {@code eventfd_ctx_put} - drops the context and the file reference it holds.
     *
     * @throws IllegalStateException when it was put already
     */
    void put();
}
