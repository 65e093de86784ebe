package org.devmodel.core.internal.log;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import org.devmodel.core.log.KernelLog;
import org.devmodel.core.log.LogLevel;
import org.devmodel.core.log.LogRecord;
import org.devmodel.core.log.VirtualClock;

/** A bounded ring of log records; the oldest are dropped first, as the kernel's ring overwrites them. */
public final class RingLog implements KernelLog {
    private static final int CAPACITY = 16_384;

    private final VirtualClock clock;
    private final Deque<LogRecord> ring = new ArrayDeque<>();

    /**
     * @param clock stamps each record
     */
    public RingLog(VirtualClock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized void printk(LogLevel level, String text) {
        if (ring.size() == CAPACITY) {
            ring.removeFirst();
        }
        ring.addLast(new LogRecord(clock.nanoTime(), level, text));
    }

    @Override
    public synchronized List<LogRecord> records() {
        return List.copyOf(ring);
    }
}
