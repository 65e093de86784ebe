package org.devmodel.cli.run;

import java.util.Optional;
import org.devmodel.core.Errno;

/**
 * What one command did: its result, the bytes it read, and what it printed.
 *
 * @param errno the errno it failed with, or empty when it succeeded
 * @param value the result on success: an fd, a count, an address, 0
 * @param bytes the bytes {@code read} or {@code peek} returned
 * @param stdout what it printed on standard output
 * @param stderr what it printed on standard error
 */
record Outcome(Optional<Errno> errno, long value, Optional<Bytes> bytes, String stdout, String stderr) {

    /**
     * {@return a success that printed one line}
     *
     * @param value the result
     * @param line the line
     */
    static Outcome success(long value, String line) {
        return new Outcome(Optional.empty(), value, Optional.empty(), line, "");
    }

    /**
     * {@return a failure that printed one line}
     *
     * @param errno the errno
     * @param line the line
     */
    static Outcome failure(Errno errno, String line) {
        return new Outcome(Optional.of(errno), -1, Optional.empty(), line, "");
    }

    /** {@return a success that printed nothing} */
    static Outcome silent() {
        return success(0, "");
    }

    /**
     * {@return this outcome with the bytes it read}
     *
     * @param read the bytes
     */
    Outcome withBytes(byte[] read) {
        return new Outcome(errno, value, Optional.of(new Bytes(read)), stdout, stderr);
    }

    /** {@return everything it printed, stdout then stderr, as {@code => "text"} searches it} */
    String printed() {
        return stdout + stderr;
    }

    /**
     * Bytes read, kept in an immutable wrapper.
     *
     * @param array the bytes; do not modify
     */
    record Bytes(byte[] array) {
    }
}
