package org.devmodel.it.vfio;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Progress counters for test threads that could hang, and the thread dump a test prints when one
 * stops moving. It does not rely on {@code findDeadlockedThreads}: a thread waiting on a future or
 * a condition that will never come is not a Java-monitor deadlock, but it makes no progress.
 */
final class Watchdog {
    private final Map<String, AtomicLong> progress = new ConcurrentHashMap<>();

    /**
     * {@return the counter a worker bumps after each call}
     *
     * @param worker its name
     */
    AtomicLong counter(String worker) {
        return progress.computeIfAbsent(worker, w -> new AtomicLong());
    }

    /** {@return the counters now, by worker} */
    Map<String, Long> sample() {
        Map<String, Long> now = new ConcurrentHashMap<>();
        progress.forEach((worker, count) -> now.put(worker, count.get()));
        return now;
    }

    /**
     * Watches the workers until {@code done} says so, failing when one of them has not moved for
     * {@code stallMillis}.
     *
     * @param done asked every 100 ms
     * @param stallMillis how long a worker may make no progress
     * @return the name of a stalled worker, or null when {@code done} came first
     * @throws InterruptedException if interrupted
     */
    String watch(BooleanSupplier done, long stallMillis) throws InterruptedException {
        Map<String, Long> last = sample();
        Map<String, Long> since = new ConcurrentHashMap<>();
        last.keySet().forEach(w -> since.put(w, System.nanoTime()));
        while (!done.getAsBoolean()) {
            Thread.sleep(100);
            long now = System.nanoTime();
            for (Map.Entry<String, Long> e : sample().entrySet()) {
                if (!e.getValue().equals(last.get(e.getKey()))) {
                    last.put(e.getKey(), e.getValue());
                    since.put(e.getKey(), now);
                } else if (now - since.getOrDefault(e.getKey(), now) > stallMillis * 1_000_000) {
                    return e.getKey();
                }
            }
        }
        return null;
    }

    /** {@return every live thread's state and stack} */
    static String threadDump() {
        StringBuilder dump = new StringBuilder();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            dump.append('"').append(thread.getName()).append("\" ").append(thread.getState()).append('\n');
            for (StackTraceElement frame : stack) {
                dump.append("    at ").append(frame).append('\n');
            }
        });
        return dump.toString();
    }
}
