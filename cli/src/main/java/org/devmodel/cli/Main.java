package org.devmodel.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import org.devmodel.cli.script.AdminVerb;
import picocli.CommandLine;

/** Starts the CLI: {@code java --module-path mods -m org.devmodel.cli [OPTIONS] COMMAND [ARGS]}. */
public final class Main {
    /** The exit status of an internal error. */
    static final int INTERNAL_ERROR = 3;

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
     * @return the exit status: 0 success, 1 a failed expectation or tool, 2 a wrong script or usage,
     *     3 an internal error (a bug of devmodel's)
     */
    static int run(String[] args, Terminal terminal) {
        CommandLine cli = new CommandLine(new DevmodelCommand(terminal));
        for (AdminVerb verb : AdminVerb.values()) {
            cli.addSubcommand(verb.word(), AdminOneShot.commandLine(verb));
        }
        cli.setOut(new PrintWriter(terminal.out(), true));
        cli.setErr(new PrintWriter(terminal.err(), true));
        cli.setExecutionExceptionHandler((e, command, parsed) -> internalError(terminal, command.getCommandName(), e,
                parsed.hasMatchedOption(DevmodelCommand.DEBUG)));
        try {
            return cli.execute(args);
        } catch (RuntimeException | Error e) {
            // picocli passes Errors on, and its handler may itself fail
            return internalError(terminal, "devmodel", e, List.of(args).contains(DevmodelCommand.DEBUG));
        }
    }

    /**
     * Reports what should never happen in one line naming the command and the exception, with the
     * stack trace only under {@code --debug}.
     */
    static int internalError(Terminal terminal, String command, Throwable e, boolean debug) {
        terminal.err().println("devmodel: internal error in " + command + ": " + e
                + (debug ? "" : " (--debug prints the stack trace)"));
        if (debug) {
            e.printStackTrace(terminal.err());
        }
        return INTERNAL_ERROR;
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
