package org.devmodel.ioctl.internal;

import java.util.OptionalInt;
import java.util.OptionalLong;
import org.devmodel.core.mem.IoctlNumber;

/**
 * Evaluates the constant expressions of the ioctl description format: numbers, character literals,
 * constants, {@code +}, {@code <<}, {@code |}, parentheses and the {@code _IO}/{@code _IOR}/
 * {@code _IOW}/{@code _IOWR} macros, with C's precedence among these operators.
 *
 * <p>Errors are {@link IllegalArgumentException}s with a lower-case reason; the parser adds the line.
 */
public final class Expression {
    /** Resolves the names an expression may use. */
    public interface Names {
        /**
         * {@return a constant's value, if defined}
         *
         * @param name the constant's name
         */
        OptionalLong constant(String name);

        /**
         * {@return the {@code sizeof} of a type name, if it is one}
         *
         * @param name a scalar type, {@code int} or a struct name
         */
        OptionalInt sizeOf(String name);
    }

    private final String text;
    private final Names names;
    private int pos;

    private Expression(String text, Names names) {
        this.text = text;
        this.names = names;
    }

    /**
     * Evaluates an expression.
     *
     * @param text the expression
     * @param names the names it may use
     * @return the value
     * @throws IllegalArgumentException if the expression is malformed or uses an unknown name
     */
    public static long evaluate(String text, Names names) {
        Expression expression = new Expression(text, names);
        long value = expression.or();
        expression.skipBlanks();
        if (expression.pos != text.length()) {
            throw new IllegalArgumentException("unexpected '" + text.substring(expression.pos) + "' in " + text);
        }
        return value;
    }

    private long or() {
        long value = shift();
        while (eat("|")) {
            value |= shift();
        }
        return value;
    }

    private long shift() {
        long value = sum();
        while (eat("<<")) {
            value <<= sum();
        }
        return value;
    }

    private long sum() {
        long value = atom();
        while (eat("+")) {
            value += atom();
        }
        return value;
    }

    private long atom() {
        skipBlanks();
        if (eat("(")) {
            long value = or();
            expect(")");
            return value;
        }
        char c = pos < text.length() ? text.charAt(pos) : ' ';
        if (c == '\'') {
            return charLiteral();
        }
        if (Character.isDigit(c)) {
            return number();
        }
        if (Character.isJavaIdentifierStart(c)) {
            String name = identifier();
            return name.startsWith("_IO") ? macro(name) : constant(name);
        }
        throw new IllegalArgumentException("expected a value at '" + text.substring(pos) + "' in " + text);
    }

    private long charLiteral() {
        if (pos + 2 >= text.length() || text.charAt(pos + 2) != '\'') {
            throw new IllegalArgumentException("bad character literal in " + text);
        }
        char c = text.charAt(pos + 1);
        pos += 3;
        return c;
    }

    private long number() {
        int start = pos;
        while (pos < text.length() && Character.isLetterOrDigit(text.charAt(pos))) {
            pos++;
        }
        String digits = text.substring(start, pos);
        try {
            boolean hex = digits.startsWith("0x") || digits.startsWith("0X");
            return hex ? Long.parseUnsignedLong(digits.substring(2), 16) : Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad number " + digits, e);
        }
    }

    private long constant(String name) {
        return names.constant(name).orElseThrow(() -> new IllegalArgumentException("unknown constant " + name));
    }

    /** {@code _IO(type, nr)} and the sized forms, whose third argument may be a type name. */
    private long macro(String name) {
        expect("(");
        int type = toInt(or());
        expect(",");
        int nr = toInt(or());
        if (name.equals("_IO")) {
            expect(")");
            return Integer.toUnsignedLong(IoctlNumber.io(type, nr));
        }
        expect(",");
        int size = size();
        expect(")");
        int number = switch (name) {
            case "_IOR" -> IoctlNumber.ior(type, nr, size);
            case "_IOW" -> IoctlNumber.iow(type, nr, size);
            case "_IOWR" -> IoctlNumber.iowr(type, nr, size);
            default -> throw new IllegalArgumentException("unknown macro " + name);
        };
        return Integer.toUnsignedLong(number);
    }

    private int size() {
        skipBlanks();
        int start = pos;
        if (pos < text.length() && Character.isJavaIdentifierStart(text.charAt(pos))) {
            OptionalInt size = names.sizeOf(identifier());
            if (size.isPresent()) {
                return size.getAsInt();
            }
            pos = start;
        }
        return toInt(or());
    }

    private String identifier() {
        int start = pos;
        while (pos < text.length() && Character.isJavaIdentifierPart(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private boolean eat(String token) {
        skipBlanks();
        if (text.startsWith(token, pos)) {
            pos += token.length();
            return true;
        }
        return false;
    }

    private void expect(String token) {
        if (!eat(token)) {
            throw new IllegalArgumentException("expected '" + token + "' at '" + text.substring(pos) + "' in " + text);
        }
    }

    private void skipBlanks() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private static int toInt(long value) {
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("value out of range: " + value);
        }
        return (int) value;
    }
}
