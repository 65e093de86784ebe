package org.devmodel.ioctl.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits one line of the ioctl description format into tokens: blanks separate tokens except
 * inside parentheses and character literals, so {@code _IO(';', 100)} stays one token, and a
 * {@code #} at the start of a token begins a comment.
 */
final class LineTokens {
    private LineTokens() {
    }

    /**
     * Splits a line.
     *
     * @param line the line
     * @return the tokens, or empty if a quote or parenthesis is unbalanced
     */
    static Optional<List<String>> split(String line) {
        List<String> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        int depth = 0;
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (!quoted && depth == 0 && Character.isWhitespace(c)) {
                flush(token, tokens);
                continue;
            }
            if (!quoted && depth == 0 && c == '#' && token.length() == 0) {
                break;
            }
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted) {
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            }
            if (depth < 0) {
                return Optional.empty();
            }
            token.append(c);
        }
        flush(token, tokens);
        return quoted || depth != 0 ? Optional.empty() : Optional.of(tokens);
    }

    private static void flush(StringBuilder token, List<String> tokens) {
        if (token.length() > 0) {
            tokens.add(token.toString());
            token.setLength(0);
        }
    }
}
