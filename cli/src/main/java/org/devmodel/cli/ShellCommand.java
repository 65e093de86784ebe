package org.devmodel.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.devmodel.cli.run.ScriptRunner;
import org.devmodel.cli.script.ScriptException;
import org.devmodel.cli.script.ScriptParser;
import org.devmodel.cli.script.Statement;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code shell}: the scenario commands typed one at a time on one kernel. A wrong line is reported
 * and the shell goes on. On a terminal, JLine edits the lines ({@link ShellInput}): history, cursor
 * movement, and tab completion of command, ioctl and constant names ({@link ShellCompleter}).
 */
@Command(name = "shell", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Reads scenario commands interactively; 'help' lists them, 'exit' or end of input leaves.")
final class ShellCommand implements Callable<Integer> {
    /** The words the shell itself understands, besides the scenario commands. */
    static final List<String> SHELL_WORDS = List.of("help", "exit", "quit");

    @ParentCommand
    private DevmodelCommand top;

    @Override
    public Integer call() {
        return Sessions.withRunner(top, "-", this::loop);
    }

    private int loop(ScriptRunner runner) {
        PrintStream out = top.terminal().out();
        ScriptParser parser = runner.parser();
        try (ShellInput in = ShellInput.open(top.terminal(), new ShellCompleter(runner.ioctls(), SHELL_WORDS))) {
            int lineNumber = 0;
            for (Optional<String> line = in.next(); line.isPresent(); line = in.next()) {
                lineNumber++;
                String word = line.get().strip();
                if (word.equals("exit") || word.equals("quit")) {
                    break;
                }
                if (word.equals("help")) {
                    out.print(ShellHelp.TEXT);
                    continue;
                }
                runLine(runner, parser, line.get(), lineNumber);
            }
        } catch (IOException e) {
            top.terminal().err().println("devmodel: cannot read standard input: " + Messages.reason(e));
            return ScriptRunner.WRONG;
        }
        return runner.summary();
    }

    private static void runLine(ScriptRunner runner, ScriptParser parser, String line, int lineNumber) {
        try {
            Optional<Statement> statement = parser.parseLine(line, lineNumber);
            if (statement.isPresent()) {
                runner.step(statement.get());
            }
        } catch (ScriptException e) {
            runner.report(e);
        }
    }
}
