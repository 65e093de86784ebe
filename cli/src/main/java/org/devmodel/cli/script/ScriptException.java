package org.devmodel.cli.script;

import java.util.Objects;

/**
 * The script is wrong: a syntax error or unknown name found before anything runs, or, at run time,
 * an unknown NAME or a command that cannot run. Either way the run stops and the message is
 * printed as {@code <file>:<line>:<column>: <reason>} with exit status 2.
 */
public final class ScriptException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Position position;
    private final String reason;

    /**
     * Creates the error.
     *
     * @param position the offending token
     * @param reason what is wrong, lower case, subject first
     */
    public ScriptException(Position position, String reason) {
        super(position.line() + ":" + position.column() + ": " + reason);
        this.position = Objects.requireNonNull(position, "position");
        this.reason = reason;
    }

    /** {@return the offending token's position} */
    public Position position() {
        return position;
    }

    /** {@return what is wrong} */
    public String reason() {
        return reason;
    }

    /**
     * {@return the message as the CLI prints it}
     *
     * @param file the script's name as given on the command line, {@code -} for standard input
     */
    public String format(String file) {
        return file + ":" + position.line() + ":" + position.column() + ": " + reason;
    }
}
