package org.devmodel.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
 * and the shell goes on. Lines are read plainly: line editing is whatever the terminal offers
 * (or {@code rlwrap}), since a line-editing library would bring a native dependency.
 */
@Command(name = "shell", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Reads scenario commands interactively; 'help' lists them, 'exit' or end of input leaves.")
final class ShellCommand implements Callable<Integer> {
    private static final String PROMPT = "devmodel> ";

    @ParentCommand
    private DevmodelCommand top;

    @Override
    public Integer call() {
        return Sessions.withRunner(top, "-", this::loop);
    }

    private int loop(ScriptRunner runner) {
        PrintStream out = top.terminal().out();
        boolean prompt = System.console() != null;
        ScriptParser parser = runner.parser();
        BufferedReader in = new BufferedReader(new InputStreamReader(top.terminal().in(), StandardCharsets.UTF_8));
        int lineNumber = 0;
        try {
            for (String line = readLine(in, out, prompt); line != null; line = readLine(in, out, prompt)) {
                lineNumber++;
                String word = line.strip();
                if (word.equals("exit") || word.equals("quit")) {
                    break;
                }
                if (word.equals("help")) {
                    out.print(ShellHelp.TEXT);
                    continue;
                }
                runLine(runner, parser, line, lineNumber);
            }
        } catch (IOException e) {
            top.terminal().err().println("devmodel: cannot read standard input: " + e.getMessage());
            return ScriptRunner.WRONG;
        }
        return ScriptRunner.PASSED;
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

    private static String readLine(BufferedReader in, PrintStream out, boolean prompt) throws IOException {
        if (prompt) {
            out.print(PROMPT);
            out.flush();
        }
        return in.readLine();
    }
}
