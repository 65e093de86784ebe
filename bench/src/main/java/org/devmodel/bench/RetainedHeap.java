package org.devmodel.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Retained heap reported next to a single-shot benchmark's time, as JMH's secondary result
 * {@code retainedBytes}: the heap in use after a full collection with the objects the invocation
 * {@linkplain #keep kept} alive, minus the same before the invocation, divided by how many were
 * kept. After the measurement the objects are closed, outside the timed part.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class RetainedHeap {
    /** Bytes retained per kept object in the last invocation. */
    public long retainedBytes;
    private final List<AutoCloseable> kept = new ArrayList<>();
    private long before;

    @Setup(Level.Invocation)
    public void baseline() {
        before = usedAfterGc();
    }

    @TearDown(Level.Invocation)
    public void measureAndClose() throws Exception {
        retainedBytes = (usedAfterGc() - before) / Math.max(1, kept.size());
        for (AutoCloseable c : kept) {
            c.close();
        }
        kept.clear();
    }

    /**
     * Keeps an object alive until the measurement, then closes it.
     *
     * @param object what the invocation made
     * @param <T> its type
     * @return the object
     */
    <T extends AutoCloseable> T keep(T object) {
        kept.add(object);
        return object;
    }

    /** {@return the heap in use after full collections, which {@code System.gc()} asks for} */
    static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
