package org.devmodel.cli.script;

import java.util.HexFormat;
import java.util.OptionalLong;

/** Integers and byte strings as the scenario language writes them. */
public final class Numbers {
    private static final HexFormat HEX = HexFormat.of();

    private Numbers() {
    }

    /**
     * Parses a decimal or {@code 0x} hex integer, optionally negative. Hex takes the full unsigned
     * 64-bit range, as addresses need.
     *
     * @param text the text
     * @return the value, or empty when the text is no integer
     */
    public static OptionalLong parse(String text) {
        boolean negative = text.startsWith("-");
        String digits = negative ? text.substring(1) : text;
        try {
            long magnitude = digits.startsWith("0x") || digits.startsWith("0X")
                    ? Long.parseUnsignedLong(digits.substring(2), 16)
                    : Long.parseLong(digits);
            return digits.isEmpty() || digits.startsWith("+") || digits.startsWith("-") ? OptionalLong.empty()
                    : OptionalLong.of(negative ? -magnitude : magnitude);
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * {@return whether a number is written in hex}
     *
     * @param text a number as written
     */
    public static boolean isHex(String text) {
        return text.startsWith("0x") || text.startsWith("0X") || text.startsWith("-0x");
    }

    /**
     * {@return a value in decimal, or in lower-case hex with {@code 0x}}
     *
     * @param value the value
     * @param hex whether to write hex
     */
    public static String format(long value, boolean hex) {
        return hex ? "0x" + Long.toHexString(value) : Long.toString(value);
    }

    /**
     * {@return a value in lower-case hex with {@code 0x}, zero as {@code 0}}
     *
     * @param value the value
     */
    public static String hexOrZero(long value) {
        return value == 0 ? "0" : "0x" + Long.toHexString(value);
    }

    /**
     * {@return bytes as an expectation writes them: {@code x:0102}}
     *
     * @param bytes the bytes
     */
    public static String hexBytes(byte[] bytes) {
        return "x:" + HEX.formatHex(bytes);
    }

    /**
     * Parses hex digits into bytes.
     *
     * @param digits an even number of hex digits
     * @return the bytes, or null when the digits are not whole bytes of hex
     */
    public static byte[] parseHex(String digits) {
        if (digits.length() % 2 != 0) {
            return null;
        }
        try {
            return HEX.parseHex(digits);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
