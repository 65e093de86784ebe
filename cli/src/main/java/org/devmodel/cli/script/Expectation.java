package org.devmodel.cli.script;

import org.devmodel.core.Errno;

/** An expectation {@code => X} at the end of a command. */
public sealed interface Expectation {

    /** {@return the expectation as written in a script, for FAIL messages} */
    String describe();

    /**
     * {@code => N}: the command succeeded with this result.
     *
     * @param value the result
     * @param hex whether it was written in hex, so a wrong result is shown in hex too
     */
    record Result(long value, boolean hex) implements Expectation {
        @Override
        public String describe() {
            return Numbers.format(value, hex);
        }
    }

    /**
     * {@code => ERRNO}: the command failed with this errno.
     *
     * @param errno the errno
     */
    record Failure(Errno errno) implements Expectation {
        @Override
        public String describe() {
            return errno.name();
        }
    }

    /** {@code => ok}: the command succeeded. */
    record Success() implements Expectation {
        @Override
        public String describe() {
            return "ok";
        }
    }

    /**
     * {@code => x:HEX}: the bytes read are exactly these.
     *
     * @param bytes the bytes
     */
    record Bytes(byte[] bytes) implements Expectation {
        /** Copies the bytes. */
        public Bytes {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public String describe() {
            return Numbers.hexBytes(bytes);
        }
    }

    /**
     * {@code => "text"}: what the command printed contains the text.
     *
     * @param text the text, compared literally
     */
    record Contains(String text) implements Expectation {
        @Override
        public String describe() {
            return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
    }

    /**
     * {@code => !"text"}: what the command printed does not contain the text.
     *
     * @param text the text, compared literally
     */
    record Lacks(String text) implements Expectation {
        @Override
        public String describe() {
            return "!" + new Contains(text).describe();
        }
    }
}
