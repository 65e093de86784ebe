package org.devmodel.core.log;

import java.util.Objects;

/**
 * One line of the kernel log.
 *
 * @param timestampNanos virtual time since boot when it was logged
 * @param level its printk level
 * @param text the message, without a trailing newline
 */
public record LogRecord(long timestampNanos, LogLevel level, String text) {
    /** Checks the arguments. */
    public LogRecord {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(text, "text");
    }

    /** {@return the line as {@code dmesg} prints it: {@code [    1.000000] text}} */
    public String toDmesgLine() {
        long micros = timestampNanos / 1_000;
        return String.format("[%5d.%06d] %s", micros / 1_000_000, micros % 1_000_000, text);
    }
}
