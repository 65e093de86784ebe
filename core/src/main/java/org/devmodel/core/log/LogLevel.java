package org.devmodel.core.log;

/** The {@code printk} levels, {@code KERN_EMERG} (0) to {@code KERN_DEBUG} (7). */
public enum LogLevel {
    /** {@code KERN_EMERG}: the system is unusable. */
    EMERG,
    /** {@code KERN_ALERT}: action must be taken immediately. */
    ALERT,
    /** {@code KERN_CRIT}: critical conditions. */
    CRIT,
    /** {@code KERN_ERR}: error conditions ({@code pr_err}). */
    ERR,
    /** {@code KERN_WARNING}: warning conditions ({@code pr_warn}, {@code WARN_ON}). */
    WARNING,
    /** {@code KERN_NOTICE}: normal but significant. */
    NOTICE,
    /** {@code KERN_INFO}: informational ({@code pr_info}). */
    INFO,
    /** {@code KERN_DEBUG}: debug-level messages. */
    DEBUG;

    /** {@return the numeric level, as in {@code <3>}} */
    public int level() {
        return ordinal();
    }
}
