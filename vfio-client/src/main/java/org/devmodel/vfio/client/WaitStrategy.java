package org.devmodel.vfio.client;

import java.time.Duration;
import java.util.Objects;

/**
 * What {@link EventFd#await} does each time it found nothing signalled, and when it gives up.
 * The client reads eventfds without blocking, since the model kernel never sleeps (a read that
 * would block answers EAGAIN): time must pass between two reads, and who makes it pass depends on
 * the kernel. On the real kernel the thread sleeps ({@link #sleeping}); on the model the caller
 * advances the virtual clock, e.g. {@code attempt -> kernel.clock().runNextTimer()}, which runs
 * the next device timer and gives up when none is pending.
 */
@FunctionalInterface
public interface WaitStrategy {

    /**
     * Lets time pass after an empty read.
     *
     * @param attempt how many reads found nothing so far in this wait, from 1
     * @return true to read again, false to give up
     * @throws InterruptedException when the waiting thread is interrupted
     */
    boolean idle(int attempt) throws InterruptedException;

    /**
     * {@return a strategy that sleeps {@code interval} between reads and gives up once the sleeps
     * add up to {@code timeout}}
     *
     * @param interval the sleep between two reads, positive
     * @param timeout how long to wait in all, not negative
     */
    static WaitStrategy sleeping(Duration interval, Duration timeout) {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(timeout, "timeout");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval not positive: " + interval);
        }
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout negative: " + timeout);
        }
        long sleeps = timeout.toNanos() / interval.toNanos();
        return attempt -> {
            if (attempt > sleeps) {
                return false;
            }
            Thread.sleep(interval.toMillis(), interval.toNanosPart() % 1_000_000);
            return true;
        };
    }
}
