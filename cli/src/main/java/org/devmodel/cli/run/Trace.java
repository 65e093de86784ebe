package org.devmodel.cli.run;

import java.util.List;
import org.devmodel.core.Errno;

/** strace's way of writing a call: {@code name(arg, ...) = result}, strings quoted, bytes as {@code \xNN}. */
final class Trace {
    /** strace -s default: longer buffers are cut and marked with {@code ...}. */
    private static final int MAX_BYTES = 64;

    private Trace() {
    }

    /**
     * {@return {@code name(args) = result}}
     *
     * @param name the call
     * @param args its arguments
     * @param result the result
     */
    static String call(String name, List<String> args, String result) {
        return name + "(" + String.join(", ", args) + ") = " + result + "\n";
    }

    /**
     * {@return a failed call's result: {@code -1 EBADF (Bad file descriptor)}}
     *
     * @param errno the errno
     */
    static String failed(Errno errno) {
        return "-1 " + errno.describe();
    }

    /**
     * {@return bytes as {@code strace -xx} shows them: every byte {@code \xNN}, at most 64, then {@code ...}}
     *
     * @param bytes the bytes
     */
    static String bytes(byte[] bytes) {
        StringBuilder text = new StringBuilder("\"");
        for (int i = 0; i < Math.min(bytes.length, MAX_BYTES); i++) {
            text.append(String.format("\\x%02x", bytes[i] & 0xff));
        }
        text.append('"');
        return bytes.length > MAX_BYTES ? text + "..." : text.toString();
    }

    /**
     * {@return a string argument quoted, with {@code "} and {@code \} escaped}
     *
     * @param text the string
     */
    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * {@return an address: {@code NULL} or hex}
     *
     * @param address the address
     */
    static String pointer(long address) {
        return address == 0 ? "NULL" : "0x" + Long.toHexString(address);
    }
}
