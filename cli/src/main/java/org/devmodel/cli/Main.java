package org.devmodel.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Optional;
import org.devmodel.cli.script.AdminVerb;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** Starts the CLI: {@code java --module-path mods -m org.devmodel.cli [OPTIONS] COMMAND [ARGS]}. */
public final class Main {
    private Main() {
    }

    /**
     * Runs the CLI and exits with its status.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(run(args, new Terminal(System.in, System.out, System.err, System.console() != null)));
    }

    /**
     * Runs the CLI.
     *
     * @param args the command line
     * @param terminal where it reads and prints
     * @return the exit status: 0 success, 1 a failed expectation or tool, 2 a wrong script or usage
     */
    static int run(String[] args, Terminal terminal) {
        CommandLine cli = new CommandLine(new DevmodelCommand(terminal));
        for (AdminVerb verb : AdminVerb.values()) {
            cli.addSubcommand(verb.word(), AdminOneShot.commandLine(verb));
        }
        cli.setOut(new PrintWriter(terminal.out(), true));
        cli.setErr(new PrintWriter(terminal.err(), true));
        IParameterExceptionHandler picocliWords = cli.getParameterExceptionHandler();
        cli.setParameterExceptionHandler((e, arguments) -> unknownCommand(e).orElseGet(
                () -> handle(picocliWords, e, arguments)));
        return cli.execute(args);
    }

    /**
     * A word where the command should be is named as an unknown command, with the list of commands,
     * instead of picocli's "Unmatched argument at index 0".
     *
     * @return the exit status when it was such a word, else empty: picocli's words fit
     */
    private static Optional<Integer> unknownCommand(ParameterException e) {
        CommandLine at = e.getCommandLine();
        if (!(e instanceof UnmatchedArgumentException unmatched) || at.getParent() != null
                || unmatched.getUnmatched().isEmpty() || unmatched.getUnmatched().get(0).startsWith("-")) {
            return Optional.empty();
        }
        PrintWriter err = at.getErr();
        err.println("devmodel: unknown command '" + unmatched.getUnmatched().get(0) + "'");
        err.println("commands: " + String.join(", ", at.getSubcommands().keySet()));
        err.println("Try 'devmodel --help' for more information.");
        return Optional.of(at.getCommandSpec().exitCodeOnInvalidInput());
    }

    private static int handle(IParameterExceptionHandler handler, ParameterException e, String[] arguments) {
        try {
            return handler.handleParseException(e, arguments);
        } catch (Exception failure) {
            throw new IllegalStateException("picocli's usage report failed", failure);
        }
    }

    /**
     * Where the CLI reads and prints; tests give it buffers.
     *
     * @param in standard input, for {@code run -} and {@code shell}
     * @param out standard output
     * @param err standard error
     * @param console whether these are the process's own streams and a person's terminal, where the
     *     shell may edit lines; when they are not, it reads {@code in} line by line
     */
    record Terminal(InputStream in, PrintStream out, PrintStream err, boolean console) {
        /**
         * Streams that are not a terminal, as tests and pipes give.
         *
         * @param in standard input
         * @param out standard output
         * @param err standard error
         */
        Terminal(InputStream in, PrintStream out, PrintStream err) {
            this(in, out, err, false);
        }
    }
}
