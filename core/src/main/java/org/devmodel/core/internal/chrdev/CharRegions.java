package org.devmodel.core.internal.chrdev;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.locks.Lock;
import org.devmodel.core.DevT;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;

/**
 * The char-device number registry of Linux v3.14 ({@code chrdevs[]} in {@code fs/char_dev.c}):
 * who owns which minors of which major, and the {@code /proc/devices} text that shows it.
 *
 * <p>Regions live in {@value #CHRDEV_MAJOR_HASH_SIZE} buckets indexed by {@code major % 255}, each
 * a list sorted by major, then by base minor. The era's behaviour is kept on purpose: there is no
 * maximum major, a dynamic major is any empty bucket (so a static major of 255 or more hides its
 * bucket), and a new range that strictly contains an existing one is not seen as an overlap.
 *
 * <p>Every method takes the lock given at construction, the kernel's {@code chrdevs_lock}, which
 * the kernel shares with the cdev map ({@code kobj_map_init(base_probe, &chrdevs_lock)}).
 */
public final class CharRegions {
    /** {@code CHRDEV_MAJOR_HASH_SIZE}: the number of buckets, and one more than the highest dynamic major. */
    public static final int CHRDEV_MAJOR_HASH_SIZE = 255;

    /** The size of {@code char_device_struct.name}, terminating NUL included. */
    private static final int NAME_SIZE = 64;

    private final Lock chrdevsLock;
    private final List<List<CharRegion>> chrdevs = new ArrayList<>(CHRDEV_MAJOR_HASH_SIZE);

    /**
     * Creates an empty registry.
     *
     * @param chrdevsLock the lock guarding it, {@code chrdevs_lock}; the kernel hands the same
     *     mutex to its cdev map
     */
    public CharRegions(Lock chrdevsLock) {
        this.chrdevsLock = Objects.requireNonNull(chrdevsLock, "chrdevsLock");
        for (int i = 0; i < CHRDEV_MAJOR_HASH_SIZE; i++) {
            chrdevs.add(new ArrayList<>());
        }
    }

    /**
     * {@code register_chrdev_region}: registers the device numbers {@code [from, from + count)},
     * one region per major the range touches.
     *
     * <p>If a chunk fails, the chunks already registered are unregistered and the chunk's error
     * is thrown. As in the kernel, a chunk whose major is 0 gets a dynamic major, which the
     * caller is not told.
     *
     * @param from the first device number
     * @param count how many consecutive device numbers; 0 registers nothing
     * @param name the owner's name for {@code /proc/devices}, cut to 63 bytes
     * @throws KernelException {@code EBUSY} if a chunk overlaps a registered region of its major,
     *     or if it asks for a dynamic major and none is free
     */
    public void register(DevT from, int count, String name) throws KernelException {
        Objects.requireNonNull(name, "name");
        List<Chunk> chunks = chunks(from, count);
        for (int done = 0; done < chunks.size(); done++) {
            Chunk chunk = chunks.get(done);
            try {
                registerChunk(chunk.major(), chunk.baseminor(), chunk.count(), name);
            } catch (KernelException e) {
                chunks.subList(0, done).forEach(this::unregisterChunk);
                throw e;
            }
        }
    }

    /**
     * {@code alloc_chrdev_region}: registers {@code count} minors from {@code baseminor} under a
     * dynamic major, the highest of 254 down to 1 whose bucket is empty.
     *
     * <p>{@code count} is stored as given; unlike {@link #register}, it is not split at the end of
     * the major.
     *
     * @param baseminor the first minor
     * @param count how many minors
     * @param name the owner's name for {@code /proc/devices}, cut to 63 bytes
     * @return the first device number of the region, {@code MKDEV(major, baseminor)}
     * @throws KernelException {@code EBUSY} if every bucket from 1 to 254 holds a region
     */
    public DevT allocate(int baseminor, int count, String name) throws KernelException {
        Objects.requireNonNull(name, "name");
        if (baseminor < 0 || baseminor > DevT.MINORMASK) {
            throw new IllegalArgumentException("baseminor out of range: " + baseminor);
        }
        requireCount(count);
        return DevT.of(registerChunk(0, baseminor, count, name).major(), baseminor);
    }

    /**
     * {@code unregister_chrdev_region}: releases {@code [from, from + count)}, walking it one major
     * at a time like {@link #register}. A chunk is removed only if a region with exactly its major,
     * base minor and count exists; otherwise it is silently ignored, as in the kernel.
     *
     * @param from the first device number
     * @param count how many consecutive device numbers
     */
    public void unregister(DevT from, int count) {
        chunks(from, count).forEach(this::unregisterChunk);
    }

    /** {@return every region, bucket by bucket from 0 to 254, in list order within a bucket} */
    public List<CharRegion> regions() {
        chrdevsLock.lock();
        try {
            return chrdevs.stream().flatMap(List::stream).toList();
        } finally {
            chrdevsLock.unlock();
        }
    }

    /**
     * {@return the text of {@code /proc/devices}}
     *
     * <p>As {@code devinfo_show} and {@code chrdev_show} write it: {@code "Character devices:\n"},
     * then every region of buckets 0 to 254 as {@code "%3d %s\n"} (so a major appears once per
     * region, and a major of 255 or more is listed with its bucket), then
     * {@code "\nBlock devices:\n"}. devmodel has no block majors, so nothing follows. The kernel
     * takes the lock once per bucket; this takes it once for the whole text, a consistent
     * snapshot no reader can tell apart.
     */
    public String procDevicesText() {
        StringBuilder text = new StringBuilder("Character devices:\n");
        for (CharRegion region : regions()) {
            // Locale.ROOT: printk's %d always prints ASCII digits.
            text.append(String.format(Locale.ROOT, "%3d %s\n", region.major(), region.name()));
        }
        return text.append("\nBlock devices:\n").toString();
    }

    /**
     * {@code __register_chrdev_region}: registers one chunk under one major, taking a dynamic major
     * when {@code major} is 0.
     *
     * <p>The insertion walk and the overlap test are the kernel's, including their blind spot: only
     * the one region the walk stops at is checked, so a new range strictly containing an old one
     * goes in. Sums use {@code int} and unsigned comparisons as the C code does.
     */
    private CharRegion registerChunk(int major, int baseminor, int count, String name) throws KernelException {
        chrdevsLock.lock();
        try {
            int actualMajor = major == 0 ? findDynamicMajor() : major;
            CharRegion region = new CharRegion(actualMajor, baseminor, count, truncateName(name));
            List<CharRegion> bucket = chrdevs.get(actualMajor % CHRDEV_MAJOR_HASH_SIZE);
            int at = 0;
            while (at < bucket.size() && !insertsBefore(region, bucket.get(at))) {
                at++;
            }
            if (at < bucket.size() && overlaps(region, bucket.get(at))) {
                throw new KernelException(Errno.EBUSY,
                        "chrdev: " + name + ": minors " + actualMajor + ":" + baseminor + "+" + count + " busy");
            }
            bucket.add(at, region);
            return region;
        } finally {
            chrdevsLock.unlock();
        }
    }

    /**
     * The dynamic-major scan of {@code __register_chrdev_region}: the first empty bucket from 254
     * down to 1. Called with {@code chrdevs_lock} held.
     */
    private int findDynamicMajor() throws KernelException {
        for (int i = CHRDEV_MAJOR_HASH_SIZE - 1; i > 0; i--) {
            if (chrdevs.get(i).isEmpty()) {
                return i;
            }
        }
        throw new KernelException(Errno.EBUSY, "chrdev: no free dynamic major");
    }

    /** Where the kernel's walk stops: at the first region of a higher major, or of the same major ending past the new base. */
    private static boolean insertsBefore(CharRegion region, CharRegion old) {
        return old.major() > region.major()
                || (old.major() == region.major()
                        && (old.baseminor() >= region.baseminor()
                                || Integer.compareUnsigned(old.baseminor() + old.count(), region.baseminor()) > 0));
    }

    /** The kernel's two overlap tests against the region the walk stopped at: new max inside, or new min inside. */
    private static boolean overlaps(CharRegion region, CharRegion old) {
        if (old.major() != region.major()) {
            return false;
        }
        int oldMin = old.baseminor();
        int oldMax = old.baseminor() + old.count() - 1;
        int newMin = region.baseminor();
        int newMax = region.baseminor() + region.count() - 1;
        return (newMax >= oldMin && newMax <= oldMax) || (newMin <= oldMax && newMin >= oldMin);
    }

    /** {@code __unregister_chrdev_region}: removes the first region matching the chunk exactly, if any. */
    private void unregisterChunk(Chunk chunk) {
        chrdevsLock.lock();
        try {
            ListIterator<CharRegion> it = chrdevs.get(chunk.major() % CHRDEV_MAJOR_HASH_SIZE).listIterator();
            while (it.hasNext()) {
                CharRegion region = it.next();
                if (region.major() == chunk.major() && region.baseminor() == chunk.baseminor()
                        && region.count() == chunk.count()) {
                    it.remove();
                    return;
                }
            }
        } finally {
            chrdevsLock.unlock();
        }
    }

    /**
     * Splits {@code [from, from + count)} at major boundaries, as the loops of
     * {@code register_chrdev_region} and {@code unregister_chrdev_region} do.
     */
    private static List<Chunk> chunks(DevT from, int count) {
        Objects.requireNonNull(from, "from");
        requireCount(count);
        long to = Integer.toUnsignedLong(from.toKernel()) + count;
        if (to > 0xffff_ffffL) {
            // The kernel's dev_t sum would wrap and register nothing; no caller means that.
            throw new IllegalArgumentException("dev_t overflow: " + from + " + " + count);
        }
        List<Chunk> chunks = new ArrayList<>();
        for (long n = Integer.toUnsignedLong(from.toKernel()), next; n < to; n = next) {
            next = Math.min(((n >>> DevT.MINORBITS) + 1) << DevT.MINORBITS, to); // MKDEV(MAJOR(n) + 1, 0)
            chunks.add(new Chunk((int) (n >>> DevT.MINORBITS), (int) (n & DevT.MINORMASK), (int) (next - n)));
        }
        return chunks;
    }

    private static void requireCount(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("negative count: " + count);
        }
    }

    /**
     * {@code strlcpy(cd->name, name, 64)}: keeps at most 63 bytes of UTF-8. Where the kernel could
     * cut a multi-byte character in half, this drops the whole character.
     */
    private static String truncateName(String name) {
        CharBuffer in = CharBuffer.wrap(name);
        // The encoder stops before a character that no longer fits, never inside one.
        StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .encode(in, ByteBuffer.allocate(NAME_SIZE - 1), true);
        return name.substring(0, in.position());
    }

    /** One major's share of a range: the arguments of {@code __register_chrdev_region}. */
    private record Chunk(int major, int baseminor, int count) {
    }
}
