package org.devmodel.vfio.client;

import java.util.Objects;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.EventFdFlags;
import org.devmodel.vfio.client.internal.FdCalls;

/**
 * An eventfd for a device's interrupts: {@link Device#setIrqs} has the kernel signal it on each
 * interrupt, and the process reads (and so resets) its counter. It is opened non-blocking, so a
 * read finds nothing (EAGAIN) on the model and on the real kernel alike; {@link #await} waits for a
 * signal with a {@link WaitStrategy}. Close it after the device no longer signals it (after
 * {@link Device#disableIrqs} or closing the device); the kernel keeps its own reference meanwhile.
 */
public final class EventFd implements AutoCloseable {
    private final FdCalls calls;

    private EventFd(FdCalls calls) {
        this.calls = calls;
    }

    /**
     * {@code eventfd(0, EFD_NONBLOCK)}.
     *
     * @param process the process
     * @return the eventfd, its counter 0
     * @throws KernelException EMFILE, ENOMEM
     */
    public static EventFd create(Userspace process) throws KernelException {
        Objects.requireNonNull(process, "process");
        return new EventFd(FdCalls.open(process.syscalls(), process.memory(),
                () -> process.syscalls().eventfd(0, EventFdFlags.EFD_NONBLOCK)));
    }

    /** {@return the fd} */
    public int fd() {
        return calls.fd();
    }

    /**
     * Reads the counter once without waiting.
     *
     * @return how many signals arrived since the last read (the counter, now reset), or 0 for none
     * @throws KernelException the kernel's errno other than EAGAIN
     */
    public long poll() throws KernelException {
        return calls.readCounter();
    }

    /**
     * Reads the counter until a signal has arrived, letting time pass between reads as the
     * strategy says.
     *
     * @param strategy what to do after each empty read
     * @return how many signals arrived (the counter, now reset), or 0 when the strategy gave up
     * @throws KernelException the kernel's errno other than EAGAIN
     * @throws InterruptedException when the strategy was interrupted
     */
    public long await(WaitStrategy strategy) throws KernelException, InterruptedException {
        Objects.requireNonNull(strategy, "strategy");
        for (int attempt = 1; ; attempt++) {
            long count = poll();
            if (count != 0 || !strategy.idle(attempt)) {
                return count;
            }
        }
    }

    /**
     * Closes the fd; closing again does nothing.
     *
     * @throws KernelException the errno of {@code close}
     */
    @Override
    public void close() throws KernelException {
        calls.close();
    }
}
