package org.devmodel.core;

/**
 * A device number, {@code dev_t}: a major and a minor packed as the v3.14 kernel packs them,
 * with 20 minor bits ({@code include/linux/kdev_t.h}).
 *
 * @param major the major number, 0 to {@value #MAJORMASK}
 * @param minor the minor number, 0 to {@value #MINORMASK}
 */
public record DevT(int major, int minor) implements Comparable<DevT> {
    /** {@code MINORBITS}: how many low bits of a kernel dev_t hold the minor. */
    public static final int MINORBITS = 20;
    /** {@code MINORMASK}: the largest minor, {@code (1 << 20) - 1}. */
    public static final int MINORMASK = (1 << MINORBITS) - 1;
    /** The largest major a 32-bit kernel dev_t can hold (12 bits). */
    public static final int MAJORMASK = (1 << (32 - MINORBITS)) - 1;

    /**
     * Checks the ranges.
     *
     * @throws IllegalArgumentException when the major or minor does not fit
     */
    public DevT {
        if (major < 0 || major > MAJORMASK) {
            throw new IllegalArgumentException("major out of range: " + major);
        }
        if (minor < 0 || minor > MINORMASK) {
            throw new IllegalArgumentException("minor out of range: " + minor);
        }
    }

    /**
     * {@code MKDEV(major, minor)}.
     *
     * @param major the major number
     * @param minor the minor number
     * @return the device number
     */
    public static DevT of(int major, int minor) {
        return new DevT(major, minor);
    }

    /**
     * Decodes a kernel-internal dev_t ({@code MAJOR(dev) = dev >> 20}, {@code MINOR(dev) = dev & MINORMASK}).
     *
     * @param dev the 32-bit kernel value
     * @return the device number
     */
    public static DevT fromKernel(int dev) {
        return new DevT(dev >>> MINORBITS, dev & MINORMASK);
    }

    /**
     * Decodes the userspace encoding {@code stat} reports ({@code new_decode_dev}).
     *
     * @param encoded the value of {@code st_rdev}
     * @return the device number
     */
    public static DevT fromUser(long encoded) {
        int major = (int) ((encoded & 0xfff00L) >>> 8);
        int minor = (int) ((encoded & 0xffL) | ((encoded >>> 12) & 0xfff00L));
        return new DevT(major, minor);
    }

    /** {@return the kernel-internal 32-bit value, {@code MKDEV(major, minor)}} */
    public int toKernel() {
        return (major << MINORBITS) | minor;
    }

    /**
     * {@return the userspace encoding {@code stat} reports in {@code st_rdev} ({@code new_encode_dev},
     * equal to glibc's {@code makedev} for these ranges)}
     */
    public long toUser() {
        return (minor & 0xffL) | ((long) major << 8) | ((long) (minor & ~0xff) << 12);
    }

    /**
     * {@return the device {@code count} minors further on, as the kernel's {@code dev + count} walks
     * into the next major}
     *
     * @param count how many minors to advance
     */
    public DevT plus(long count) {
        long next = Integer.toUnsignedLong(toKernel()) + count;
        if (next < 0 || next > 0xffffffffL) {
            throw new IllegalArgumentException("dev_t overflow: " + this + " + " + count);
        }
        return fromKernel((int) next);
    }

    @Override
    public int compareTo(DevT other) {
        return Integer.compareUnsigned(toKernel(), other.toKernel());
    }

    /** {@return {@code "M:m"}, as {@code format_dev_t} prints it and sysfs {@code dev} files hold it} */
    @Override
    public String toString() {
        return major + ":" + minor;
    }
}
