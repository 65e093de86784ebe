package org.devmodel.core.log;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * A kernel's clock. It is virtual: time moves only when told to ({@link #advance(Duration)}, a
 * blocking wait that runs the next pending timer), so traces are reproducible. Wall time starts at
 * the v3.14 release, {@link #BOOT_WALL_TIME}.
 *
 * <p>Devices schedule timers on it (a DMA that completes 100 ms after its command); a timer runs on
 * the thread that advances the clock past its deadline, in deadline order.
 */
public interface VirtualClock {
    /** Wall time at boot: Linux v3.14 was released on 2014-03-30 21:00:00 UTC. */
    Instant BOOT_WALL_TIME = Instant.parse("2014-03-30T21:00:00Z");

    /** {@return nanoseconds since boot} */
    long nanoTime();

    /** {@return the wall time now: boot time plus {@link #nanoTime()}} */
    default Instant wallTime() {
        return BOOT_WALL_TIME.plusNanos(nanoTime());
    }

    /**
     * Moves time forward, running every timer whose deadline is reached, in deadline order.
     *
     * @param duration how far; not negative
     * @throws IllegalArgumentException if it is negative, or would take the clock past
     *     {@code Long.MAX_VALUE} nanoseconds after boot (about 292 years)
     */
    void advance(Duration duration);

    /**
     * Schedules a timer.
     *
     * @param delay how long after now it fires; not negative
     * @param action what runs when it fires
     * @return a handle to cancel it
     */
    Timer schedule(Duration delay, Runnable action);

    /** {@return the deadline of the earliest pending timer, in nanoseconds since boot, if any} */
    OptionalLong nextDeadline();

    /**
     * Advances time to the earliest pending timer and runs it (and any other timer due then).
     *
     * @return false when no timer was pending, so a wait would block forever
     */
    boolean runNextTimer();

    /** A scheduled timer. */
    interface Timer {
        /**
         * Cancels the timer if it has not fired yet.
         *
         * @return true if this call cancelled it
         */
        boolean cancel();
    }
}
