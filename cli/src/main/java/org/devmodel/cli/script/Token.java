package org.devmodel.cli.script;

/**
 * One token of a script line.
 *
 * @param kind what sort of token
 * @param text a word as written, a string's value with escapes resolved, or the text between braces
 * @param position where it starts
 */
public record Token(Kind kind, String text, Position position) {

    /** The sorts of token. */
    public enum Kind {
        /** A run of characters up to whitespace. */
        WORD,
        /** A double-quoted string. */
        STRING,
        /** A double-quoted string right after {@code !}: text that must be absent. */
        NEGATED_STRING,
        /** A brace group {@code {...}}, one token however many blanks it holds. */
        BRACES
    }

    /**
     * {@return whether this is the word {@code word}}
     *
     * @param word the word
     */
    public boolean isWord(String word) {
        return kind == Kind.WORD && text.equals(word);
    }

    /**
     * {@return the position of a character inside this token}
     *
     * @param offset characters after its start
     */
    public Position at(int offset) {
        return new Position(position.line(), position.column() + offset);
    }
}
