package org.devmodel.cli.script;

import java.util.List;

/** Walks the tokens of one command, with errors that point at the offending token or the line's end. */
final class Cursor {
    private final List<Token> tokens;
    private final Position end;
    private int index;

    /**
     * @param tokens the command's tokens
     * @param end the position just after the command, where a missing token is reported
     */
    Cursor(List<Token> tokens, Position end) {
        this.tokens = tokens;
        this.end = end;
    }

    boolean hasNext() {
        return index < tokens.size();
    }

    /**
     * {@return whether the next token is this word}
     *
     * @param word the word
     */
    boolean nextIs(String word) {
        return hasNext() && tokens.get(index).isWord(word);
    }

    Token peek() {
        return tokens.get(index);
    }

    /**
     * {@return the next token}
     *
     * @param what what is expected, for the error
     * @throws ScriptException when there is none
     */
    Token next(String what) throws ScriptException {
        if (!hasNext()) {
            throw new ScriptException(end, "missing " + what);
        }
        return tokens.get(index++);
    }

    /**
     * {@return the next token, which must be a word or a string}
     *
     * @param what what is expected, for the error
     * @throws ScriptException when there is none or it is a brace group
     */
    Token text(String what) throws ScriptException {
        Token token = next(what);
        if (token.kind() == Token.Kind.BRACES) {
            throw new ScriptException(token.position(), "expected " + what + ", got {...}");
        }
        return token;
    }

    /**
     * {@return the next token as a NAME}
     *
     * @param what what the name stands for, for the error
     * @throws ScriptException when there is none or it is not a word
     */
    Name name(String what) throws ScriptException {
        Token token = next(what);
        if (token.kind() != Token.Kind.WORD) {
            throw new ScriptException(token.position(), "expected " + what + ", got " + describe(token));
        }
        return new Name(token.text(), token.position());
    }

    /** @throws ScriptException when tokens are left */
    void expectEnd() throws ScriptException {
        if (hasNext()) {
            Token extra = peek();
            throw new ScriptException(extra.position(), "unexpected " + describe(extra));
        }
    }

    private static String describe(Token token) {
        return switch (token.kind()) {
            case WORD -> token.text();
            case STRING -> "string";
            case NEGATED_STRING -> "!string";
            case BRACES -> "{...}";
        };
    }
}
