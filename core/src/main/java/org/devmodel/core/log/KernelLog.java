package org.devmodel.core.log;

import java.util.List;

/** The kernel's message ring ({@code printk}), read back as {@code dmesg} prints it. */
public interface KernelLog {

    /**
     * Appends a message, stamped with the kernel's virtual time.
     *
     * @param level the printk level
     * @param text the message, without a trailing newline
     */
    void printk(LogLevel level, String text);

    /**
     * {@code pr_err}.
     *
     * @param text the message
     */
    default void err(String text) {
        printk(LogLevel.ERR, text);
    }

    /**
     * {@code pr_warn}.
     *
     * @param text the message
     */
    default void warn(String text) {
        printk(LogLevel.WARNING, text);
    }

    /**
     * {@code pr_info}.
     *
     * @param text the message
     */
    default void info(String text) {
        printk(LogLevel.INFO, text);
    }

    /**
     * {@code pr_debug}.
     *
     * @param text the message
     */
    default void debug(String text) {
        printk(LogLevel.DEBUG, text);
    }

    /** {@return every record still in the ring, oldest first} */
    List<LogRecord> records();

    /** {@return the ring as {@code dmesg} prints it, one stamped line per record} */
    default String dmesg() {
        StringBuilder text = new StringBuilder();
        for (LogRecord r : records()) {
            text.append(r.toDmesgLine()).append('\n');
        }
        return text.toString();
    }
}
