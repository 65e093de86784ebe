package org.devmodel.cli.script;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one script line into tokens. Tokens are separated by whitespace outside quotes and
 * braces. A {@code #} starts a comment when it is the first non-blank character, or when it
 * follows whitespace and is followed by whitespace or the end of the line; any other {@code #} is
 * part of a token ({@code #NAME}). Strings know only the escapes {@code \"} and {@code \\}; any
 * other backslash stands for itself.
 */
final class Lexer {
    private final String line;
    private final int lineNumber;
    private int index;

    private Lexer(String line, int lineNumber) {
        this.line = line;
        this.lineNumber = lineNumber;
    }

    /**
     * Tokenises a line.
     *
     * @param line the text without its line terminator
     * @param lineNumber its number, from 1
     * @return the tokens; empty for a blank or comment line
     * @throws ScriptException for an unterminated string or brace group
     */
    static List<Token> tokenize(String line, int lineNumber) throws ScriptException {
        return new Lexer(line, lineNumber).tokens();
    }

    /**
     * {@return the text of a full-line comment, without the {@code #} and the blanks after it}, or
     * null when the line is not one
     *
     * @param line a script line
     */
    static String fullLineComment(String line) {
        String trimmed = line.strip();
        return trimmed.startsWith("#") ? trimmed.substring(1).strip() : null;
    }

    private List<Token> tokens() throws ScriptException {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipBlanks();
            if (index >= line.length() || startsComment()) {
                return tokens;
            }
            tokens.add(next());
        }
    }

    private void skipBlanks() {
        while (index < line.length() && Character.isWhitespace(line.charAt(index))) {
            index++;
        }
    }

    private boolean startsComment() {
        if (line.charAt(index) != '#') {
            return false;
        }
        boolean afterBlank = index > 0 && Character.isWhitespace(line.charAt(index - 1));
        boolean beforeBlank = index + 1 >= line.length() || Character.isWhitespace(line.charAt(index + 1));
        return line.substring(0, index).isBlank() || afterBlank && beforeBlank;
    }

    private Token next() throws ScriptException {
        Position start = new Position(lineNumber, index + 1);
        char c = line.charAt(index);
        if (c == '"') {
            return new Token(Token.Kind.STRING, string(start), start);
        }
        if (c == '!' && index + 1 < line.length() && line.charAt(index + 1) == '"') {
            index++;
            return new Token(Token.Kind.NEGATED_STRING, string(start), start);
        }
        if (c == '{') {
            return new Token(Token.Kind.BRACES, braces(start), start);
        }
        int begin = index;
        while (index < line.length() && !Character.isWhitespace(line.charAt(index))) {
            index++;
        }
        return new Token(Token.Kind.WORD, line.substring(begin, index), start);
    }

    private String string(Position start) throws ScriptException {
        StringBuilder value = new StringBuilder();
        index++;
        while (index < line.length()) {
            char c = line.charAt(index++);
            if (c == '"') {
                return value.toString();
            }
            if (c == '\\' && index < line.length() && (line.charAt(index) == '"' || line.charAt(index) == '\\')) {
                c = line.charAt(index++);
            }
            value.append(c);
        }
        throw new ScriptException(start, "unterminated string");
    }

    private String braces(Position start) throws ScriptException {
        int close = line.indexOf('}', index);
        if (close < 0) {
            throw new ScriptException(start, "unterminated {");
        }
        String inside = line.substring(index + 1, close);
        index = close + 1;
        return inside;
    }
}
