package org.devmodel.host;

/**
 * {@code struct rlimit}.
 *
 * @param current {@code rlim_cur}, the soft limit
 * @param maximum {@code rlim_max}, the hard limit
 */
public record Rlimit(long current, long maximum) {
    /** {@code RLIMIT_MEMLOCK}: bytes of memory that may be locked. */
    public static final int RLIMIT_MEMLOCK = 8;
    /** {@code RLIM_INFINITY}: no limit. */
    public static final long RLIM_INFINITY = -1L;
}
