package org.devmodel.core.internal.chrdev;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import org.devmodel.core.DevT;

/**
 * The char-device map of Linux v3.14 ({@code cdev_map}, a {@code struct kobj_map} from
 * {@code drivers/base/map.c}): which target, in practice a cdev, serves which device numbers, and
 * the module autoload that runs when none does.
 *
 * <p>Probes live in {@value #BUCKETS} buckets indexed by {@code major % 255}, each sorted by
 * ascending range, so the narrowest range covering a device number is found first. A mapping is
 * put in the bucket of every major its range touches, at most 255 of them. As in
 * {@code kobj_map_init}, every bucket ends with the base probe ({@code dev = 1},
 * {@code range = ~0UL}), which asks for {@code char-major-M-m} and, if modprobe failed, for
 * {@code char-major-M}. There is no overlap check: {@code cdev_add} maps whatever it is given.
 *
 * <p>The lock given at construction guards the buckets; the kernel passes {@code chrdevs_lock},
 * the same mutex as the region registry's. It is never held while the {@link ModuleRequester}
 * runs, because the module being loaded maps its cdevs here.
 *
 * @param <T> what a lookup finds, the cdev in {@code chrdev_open}
 */
public final class CdevMap<T> {
    /** The number of probe buckets, {@code probes[255]} in {@code struct kobj_map}. */
    public static final int BUCKETS = 255;

    private final Lock lock;
    private final ModuleRequester requester;
    private final List<List<Probe<T>>> probes = new ArrayList<>(BUCKETS);

    /**
     * {@code kobj_map_init(base_probe, lock)}: creates a map whose every bucket holds only the
     * base probe.
     *
     * @param lock the lock guarding the map; the kernel uses {@code chrdevs_lock}
     * @param requester {@code request_module}, called by the base probe without the lock held
     */
    public CdevMap(Lock lock, ModuleRequester requester) {
        this.lock = Objects.requireNonNull(lock, "lock");
        this.requester = Objects.requireNonNull(requester, "requester");
        Probe<T> base = new Probe<>(1, ~0L, this::baseProbe);
        for (int i = 0; i < BUCKETS; i++) {
            List<Probe<T>> bucket = new ArrayList<>();
            bucket.add(base);
            probes.add(bucket);
        }
    }

    /**
     * {@code kobj_map}, as {@code cdev_add} calls it: makes {@code target} serve the device numbers
     * {@code [dev, dev + range)}. It goes before every probe of the same or a wider range, so among
     * equal ranges the latest mapping wins.
     *
     * @param dev the first device number
     * @param range how many device numbers, 1 to 2<sup>32</sup> - 1 ({@code cdev_add}'s
     *     {@code unsigned count})
     * @param target what lookups of those numbers find until it is unmapped
     */
    public void map(DevT dev, long range, T target) {
        Objects.requireNonNull(target, "target");
        Probe<T> probe = new Probe<>(Integer.toUnsignedLong(dev.toKernel()), checkRange(range),
                d -> Optional.of(target));
        lock.lock();
        try {
            for (List<Probe<T>> bucket : bucketsTouched(dev, range)) {
                int at = 0;
                while (Long.compareUnsigned(bucket.get(at).range(), range) < 0) {
                    at++; // stops at the latest at the base probe, whose range is the widest
                }
                bucket.add(at, probe);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@code kobj_unmap}, as {@code cdev_del} calls it: in every bucket the range touches, removes
     * the first probe with exactly this {@code dev} and {@code range}. Like the kernel, it matches
     * on the numbers alone, so of two identical mappings it removes the latest; a range that was
     * never mapped is ignored.
     *
     * @param dev the first device number given to {@link #map}
     * @param range the range given to {@link #map}
     */
    public void unmap(DevT dev, long range) {
        long start = Integer.toUnsignedLong(dev.toKernel());
        checkRange(range);
        lock.lock();
        try {
            for (List<Probe<T>> bucket : bucketsTouched(dev, range)) {
                Iterator<Probe<T>> it = bucket.iterator();
                while (it.hasNext()) {
                    Probe<T> probe = it.next();
                    if (probe.dev() == start && probe.range() == range) {
                        it.remove();
                        break;
                    }
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@code kobj_lookup}: finds the target of the narrowest mapping covering {@code dev}.
     *
     * <p>When no mapping covers it, the base probe runs once, without the lock: it requests
     * {@code char-major-M-m}, and only if that returned more than 0 also {@code char-major-M}.
     * Then the search is retried, and the base probe is not run again. The base probe does not
     * cover device number 0:0, so looking that up requests nothing.
     *
     * <p>The kernel also takes a cdev reference inside the search ({@code exact_lock}); the caller
     * takes it on the result instead. That gives the same answers: when the reference fails, the
     * kernel's search still stops at that probe, because no later probe in the bucket is narrower.
     *
     * @param dev the device number being opened
     * @return the target, or empty if nothing serves {@code dev} even after the module request
     *     ({@code chrdev_open} then fails with {@code ENXIO})
     */
    public Optional<T> lookup(DevT dev) {
        long wanted = Integer.toUnsignedLong(dev.toKernel());
        List<Probe<T>> bucket = probes.get(dev.major() % BUCKETS);
        long best = ~0L;
        while (true) { // the kernel's "goto retry"
            Probe<T> probe = null;
            lock.lock();
            try {
                for (Probe<T> p : bucket) {
                    if (p.covers(wanted)) {
                        // A probe no narrower than one already tried (the base probe on the
                        // retry) ends the search.
                        probe = Long.compareUnsigned(p.range() - 1, best) < 0 ? p : null;
                        break;
                    }
                }
            } finally {
                lock.unlock();
            }
            if (probe == null) {
                return Optional.empty();
            }
            best = probe.range() - 1;
            Optional<T> found = probe.get().probe(dev);
            if (found.isPresent()) {
                return found;
            }
        }
    }

    /** {@code base_probe} of {@code fs/char_dev.c}: ask for the module, find nothing itself. */
    private Optional<T> baseProbe(DevT dev) {
        if (requester.request("char-major-" + dev.major() + "-" + dev.minor()) > 0) {
            // Make old-style 2.4 aliases work.
            requester.request("char-major-" + dev.major());
        }
        return Optional.empty();
    }

    /**
     * The buckets of the majors {@code [dev, dev + range)} touches, at most 255, as {@code kobj_map}
     * and {@code kobj_unmap} count them. Called with the lock held.
     */
    private List<List<Probe<T>>> bucketsTouched(DevT dev, long range) {
        long last = Integer.toUnsignedLong(dev.toKernel()) + range - 1;
        long n = Math.min((last >>> DevT.MINORBITS) - dev.major() + 1, BUCKETS);
        List<List<Probe<T>>> touched = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            touched.add(probes.get((dev.major() + i) % BUCKETS));
        }
        return touched;
    }

    private static long checkRange(long range) {
        if (range < 1 || range > 0xffff_ffffL) {
            throw new IllegalArgumentException("range out of range: " + range);
        }
        return range;
    }

    /** {@code kobj_probe_t}: what a probe returns for a device number it covers. */
    @FunctionalInterface
    private interface ProbeFunction<T> {
        Optional<T> probe(DevT dev);
    }

    /**
     * {@code struct probe}: device numbers {@code [dev, dev + range)} as unsigned 32-bit
     * {@code dev} and unsigned 64-bit {@code range}, and the function that serves them.
     */
    private record Probe<T>(long dev, long range, ProbeFunction<T> get) {
        /** {@code !(p->dev > dev || p->dev + p->range - 1 < dev)}, in the kernel's unsigned long arithmetic. */
        boolean covers(long wanted) {
            return dev <= wanted && Long.compareUnsigned(dev + range - 1, wanted) >= 0;
        }
    }
}
