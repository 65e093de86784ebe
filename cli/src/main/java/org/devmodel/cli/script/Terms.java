package org.devmodel.cli.script;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.devmodel.core.mem.FieldType;
import org.devmodel.ioctl.Constant;
import org.devmodel.ioctl.IoctlTable;

/** Parses the small terms commands are made of: integers, constant expressions, values, data, offsets, durations. */
final class Terms {
    private static final Pattern REGION = Pattern.compile("(BAR[0-5]|ROM|CONFIG|VGA)(?:\\+(.+))?");
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ns|us|ms|s)");
    private static final Pattern WIDTH = Pattern.compile("(u8|u16|u32|u64):(.*)");

    private final IoctlTable table;

    /**
     * @param table where constant names are looked up
     */
    Terms(IoctlTable table) {
        this.table = table;
    }

    /**
     * {@return an integer}
     *
     * @param token the token
     * @param what what it stands for, for the error
     * @throws ScriptException when it is no integer
     */
    static long integer(Token token, String what) throws ScriptException {
        OptionalLong value = token.kind() == Token.Kind.WORD ? Numbers.parse(token.text()) : OptionalLong.empty();
        if (value.isEmpty()) {
            throw new ScriptException(token.position(), "expected " + what + ", got " + token.text());
        }
        return value.getAsLong();
    }

    /**
     * {@return a non-negative integer that fits an int}
     *
     * @param token the token
     * @param what what it stands for, for the error
     * @throws ScriptException when it is no such integer
     */
    static int smallInteger(Token token, String what) throws ScriptException {
        long value = integer(token, what);
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw new ScriptException(token.position(), what + " out of range: " + token.text());
        }
        return (int) value;
    }

    /**
     * {@return numbers and names joined with {@code |}, or-ed together}
     *
     * @param text the expression
     * @param at where it starts
     * @param names resolves a name to its value, or null when unknown
     * @param kind what the names are, for the error: "constant", "open flag"
     * @throws ScriptException for an unknown name
     */
    static long orOfNames(String text, Position at, Function<String, Long> names, String kind)
            throws ScriptException {
        long value = 0;
        int offset = 0;
        for (String part : text.split("\\|", -1)) {
            OptionalLong number = Numbers.parse(part);
            Long named = number.isPresent() ? Long.valueOf(number.getAsLong()) : names.apply(part);
            if (named == null) {
                Position where = new Position(at.line(), at.column() + offset);
                throw new ScriptException(where, part.isEmpty() ? "empty " + kind : "unknown " + kind + " " + part);
            }
            value |= named;
            offset += part.length() + 1;
        }
        return value;
    }

    /**
     * {@return constant names of the ioctl table, or numbers, joined with {@code |}}
     *
     * @param text the expression
     * @param at where it starts
     * @throws ScriptException for an unknown constant
     */
    long constants(String text, Position at) throws ScriptException {
        return orOfNames(text, at, name -> table.constant(name).map(Constant::value).orElse(null), "constant");
    }

    /**
     * {@return a value: an integer, constants joined with {@code |}, {@code &BUF[+OFFSET]} or {@code #NAME}}
     *
     * @param text the value as written
     * @param at where it starts
     * @throws ScriptException for an unknown constant or a malformed address
     */
    Value value(String text, Position at) throws ScriptException {
        if (text.startsWith("#") && text.length() > 1) {
            return new Value.FdNumber(new Name(text.substring(1), at));
        }
        if (text.startsWith("&") && text.length() > 1) {
            return bufferAddress(text.substring(1), at);
        }
        return new Value.Literal(constants(text, at));
    }

    private static Value bufferAddress(String text, Position at) throws ScriptException {
        int plus = text.indexOf('+');
        if (plus < 0) {
            return new Value.BufferAddress(new Name(text, at), 0);
        }
        OptionalLong offset = Numbers.parse(text.substring(plus + 1));
        if (offset.isEmpty() || plus == 0) {
            throw new ScriptException(at, "expected &BUF+OFFSET, got &" + text);
        }
        return new Value.BufferAddress(new Name(text.substring(0, plus), at), offset.getAsLong());
    }

    /**
     * Parses DATA: {@code x:} and hex bytes (blanks allowed, so later all-hex words join in), a
     * quoted string, or {@code u8:}/{@code u16:}/{@code u32:}/{@code u64:} and a value, little-endian.
     *
     * @param cursor positioned at the data
     * @return the bytes
     * @throws ScriptException for malformed data
     */
    static Command.Bytes data(Cursor cursor) throws ScriptException {
        Token first = cursor.next("DATA");
        if (first.kind() == Token.Kind.STRING) {
            return new Command.Bytes(HexFormat.of().formatHex(first.text().getBytes(StandardCharsets.UTF_8)));
        }
        if (first.text().startsWith("x:")) {
            return new Command.Bytes(HexFormat.of().formatHex(hexRun(first, cursor)));
        }
        Matcher width = WIDTH.matcher(first.text());
        if (first.kind() == Token.Kind.WORD && width.matches()) {
            return widthData(first, FieldType.byName(width.group(1)).orElseThrow(), width.group(2));
        }
        throw new ScriptException(first.position(), "expected DATA (x:HEX, \"text\" or u8:/u16:/u32:/u64:VALUE), got "
                + first.text());
    }

    private static Command.Bytes widthData(Token token, FieldType type, String text) throws ScriptException {
        OptionalLong value = Numbers.parse(text);
        if (value.isEmpty() || !type.fits(value.getAsLong()) || value.getAsLong() < 0 && type != FieldType.U64) {
            throw new ScriptException(token.position(), "expected a " + type.cName() + " value, got " + text);
        }
        byte[] bytes = new byte[type.size()];
        type.write(bytes, 0, value.getAsLong());
        return new Command.Bytes(HexFormat.of().formatHex(bytes));
    }

    /**
     * Reads {@code x:HEX} and the all-hex words after it (blanks inside HEX are ignored).
     *
     * @param first the token starting with {@code x:}
     * @param cursor positioned after it
     * @return the bytes
     * @throws ScriptException when the digits are not whole bytes of hex
     */
    static byte[] hexRun(Token first, Cursor cursor) throws ScriptException {
        StringBuilder digits = new StringBuilder(first.text().substring(2));
        while (cursor.hasNext() && cursor.peek().kind() == Token.Kind.WORD
                && cursor.peek().text().matches("[0-9a-fA-F]+")) {
            digits.append(cursor.next("HEX").text());
        }
        byte[] bytes = Numbers.parseHex(digits.toString());
        if (bytes == null) {
            throw new ScriptException(first.position(), "expected whole bytes of hex after x:, got " + digits);
        }
        return bytes;
    }

    /**
     * {@return a file offset: a number or a region expression such as {@code BAR0+0x4}}
     *
     * @param token the token
     * @throws ScriptException when it is neither
     */
    static FileOffset offset(Token token) throws ScriptException {
        Matcher region = REGION.matcher(token.text());
        if (token.kind() == Token.Kind.WORD && region.matches()) {
            OptionalLong delta = region.group(2) == null ? OptionalLong.of(0) : Numbers.parse(region.group(2));
            if (delta.isEmpty()) {
                throw new ScriptException(token.position(), "expected REGION+OFFSET, got " + token.text());
            }
            return new FileOffset.Region(region.group(1), delta.getAsLong(), token.position());
        }
        return new FileOffset.Absolute(integer(token, "OFFSET (a number or a region such as BAR0+0x4)"));
    }

    /**
     * {@return a duration such as {@code 100ms} or {@code 2s}}
     *
     * @param token the token
     * @throws ScriptException when it is none
     */
    static Duration duration(Token token) throws ScriptException {
        Matcher m = DURATION.matcher(token.text());
        if (token.kind() != Token.Kind.WORD || !m.matches()) {
            throw new ScriptException(token.position(), "expected a DURATION such as 100ms or 2s, got " + token.text());
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ns" -> Duration.ofNanos(amount);
            case "us" -> Duration.ofNanos(amount * 1_000);
            case "ms" -> Duration.ofMillis(amount);
            default -> Duration.ofSeconds(amount);
        };
    }
}
