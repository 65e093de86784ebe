package org.devmodel.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.devmodel.cli.run.ScriptRunner;
import org.devmodel.cli.script.ScriptException;
import org.devmodel.cli.script.ScriptParser;
import org.devmodel.cli.script.Statement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code shell}: the scenario commands typed one at a time on one kernel. A wrong line is reported
 * and the shell goes on. On a terminal, JLine edits the lines ({@link ShellInput}): history kept
 * across sessions in a file, cursor movement, and tab completion of command, ioctl and constant
 * names and of the model's paths ({@link ShellCompleter}).
 */
@Command(name = "shell", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Reads scenario commands interactively; 'help' lists them, 'exit' or end of input leaves.")
final class ShellCommand implements Callable<Integer> {
    /** The words the shell itself understands, besides the scenario commands. */
    static final List<String> SHELL_WORDS = List.of("help", "exit", "quit");

    @ParentCommand
    private DevmodelCommand top;

    @Option(names = "--history-file", paramLabel = "FILE",
            description = "where lines typed on a terminal are kept across sessions (default: ~/.devmodel_history)")
    private Path historyFile;

    @Option(names = "--no-history", description = "keep no history file")
    private boolean noHistory;

    @Override
    public Integer call() {
        return Sessions.withRunner(top, "-", this::loop);
    }

    private int loop(ScriptRunner runner) {
        PrintStream out = top.terminal().out();
        ScriptParser parser = runner.parser();
        ShellCompleter completer = new ShellCompleter(runner.ioctls(), SHELL_WORDS, runner.files());
        try (ShellInput in = ShellInput.open(top.terminal(), completer, history())) {
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

    /** {@return the history file: as given, else {@code .devmodel_history} in the user's home; none when turned off} */
    private Optional<Path> history() {
        if (noHistory || !top.terminal().console()) {
            return Optional.empty();
        }
        Path file = historyFile != null ? historyFile : Path.of(System.getProperty("user.home"), ".devmodel_history");
        Path directory = file.toAbsolutePath().getParent();
        // JLine would log a failed write with a stack trace on every line: say it once and keep none.
        if (!Files.isWritable(directory) || Files.exists(file) && !Files.isWritable(file)) {
            top.terminal().err().println("devmodel: no shell history: cannot write " + file);
            return Optional.empty();
        }
        return Optional.of(file);
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
