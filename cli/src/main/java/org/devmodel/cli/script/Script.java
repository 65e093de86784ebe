package org.devmodel.cli.script;

import java.util.List;

/**
 * A whole parsed script: every name resolved, nothing run yet.
 *
 * @param statements the command lines in order
 */
public record Script(List<Statement> statements) {
    /** Copies the statements. */
    public Script {
        statements = List.copyOf(statements);
    }
}
