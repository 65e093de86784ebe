package org.devmodel.cli.script;

import java.util.Objects;
import java.util.Optional;

/**
 * One command line of a script.
 *
 * @param position where its command word is
 * @param command the command
 * @param expectation its {@code => X}, if any
 * @param comment the full-line comment just above it, if any (the demo prints it before the step)
 */
public record Statement(Position position, Command command, Optional<Expectation> expectation, Optional<String> comment) {
    /** Checks the parts are present. */
    public Statement {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(expectation, "expectation");
        Objects.requireNonNull(comment, "comment");
    }

    /** {@return its line number, from 1} */
    public int line() {
        return position.line();
    }
}
