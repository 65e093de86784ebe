package org.devmodel.core.internal.log;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import org.devmodel.core.log.VirtualClock;

/** The virtual clock: time and the pending timers, moved only by {@link #advance} and {@link #runNextTimer}. */
public final class ManualClock implements VirtualClock {
    private final Object lock = new Object();
    private final PriorityQueue<PendingTimer> timers = new PriorityQueue<>();
    private long now;
    private long sequence;

    @Override
    public long nanoTime() {
        synchronized (lock) {
            return now;
        }
    }

    @Override
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("negative duration: " + duration);
        }
        long target;
        synchronized (lock) {
            long nanos;
            try {
                nanos = duration.toNanos();
            } catch (ArithmeticException e) {
                nanos = Long.MAX_VALUE;
            }
            if (nanos > Long.MAX_VALUE - now) {
                throw new IllegalArgumentException("advance by " + duration + ": the clock would pass "
                        + Long.MAX_VALUE + " ns after boot");
            }
            target = now + nanos;
        }
        runTimersUntil(target);
        synchronized (lock) {
            now = Math.max(now, target);
        }
    }

    @Override
    public Timer schedule(Duration delay, Runnable action) {
        Objects.requireNonNull(action, "action");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("negative delay: " + delay);
        }
        synchronized (lock) {
            PendingTimer timer = new PendingTimer(now + delay.toNanos(), sequence++, action);
            timers.add(timer);
            return timer;
        }
    }

    @Override
    public OptionalLong nextDeadline() {
        synchronized (lock) {
            PendingTimer first = timers.peek();
            return first == null ? OptionalLong.empty() : OptionalLong.of(first.deadline);
        }
    }

    @Override
    public boolean runNextTimer() {
        OptionalLong deadline = nextDeadline();
        if (deadline.isEmpty()) {
            return false;
        }
        runTimersUntil(deadline.getAsLong());
        return true;
    }

    /** Runs due timers one at a time without the lock held, since a timer may schedule another. */
    private void runTimersUntil(long target) {
        while (true) {
            PendingTimer due;
            synchronized (lock) {
                due = timers.peek();
                if (due == null || due.deadline > target) {
                    return;
                }
                timers.poll();
                now = Math.max(now, due.deadline);
            }
            due.action.run();
        }
    }

    private final class PendingTimer implements Timer, Comparable<PendingTimer> {
        private final long deadline;
        private final long order;
        private final Runnable action;

        PendingTimer(long deadline, long order, Runnable action) {
            this.deadline = deadline;
            this.order = order;
            this.action = action;
        }

        @Override
        public boolean cancel() {
            synchronized (lock) {
                return timers.remove(this);
            }
        }

        @Override
        public int compareTo(PendingTimer other) {
            int byDeadline = Long.compare(deadline, other.deadline);
            return byDeadline != 0 ? byDeadline : Long.compare(order, other.order);
        }
    }
}
