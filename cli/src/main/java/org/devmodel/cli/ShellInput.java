package org.devmodel.cli;

import java.io.IOError;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Where the shell's lines come from: JLine's line editor (history, cursor movement, tab completion)
 * on a person's terminal, or a terminal of JLine's dumb type reading lines from whatever else
 * standard input is.
 */
final class ShellInput implements AutoCloseable {
    private static final String PROMPT = "devmodel> ";

    private final Terminal terminal;
    private final LineReader reader;
    private final String prompt;
    private final PrintStream out;

    private ShellInput(Terminal terminal, Completer completer, String prompt, PrintStream out,
            Optional<Path> history) {
        this.terminal = terminal;
        this.prompt = prompt;
        this.out = out;
        LineReaderBuilder builder = LineReaderBuilder.builder().appName("devmodel").terminal(terminal)
                .completer(completer)
                // '!' is ordinary text in the scenario language, not a history reference.
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
        // Each accepted line is appended to the file at once (JLine's HISTORY_INCREMENTAL), as bash
        // with histappend keeps it across sessions.
        history.ifPresent(file -> builder.variable(LineReader.HISTORY_FILE, file));
        this.reader = builder.build();
    }

    /**
     * Opens the shell's input.
     *
     * @param streams the CLI's streams; on a console JLine drives the process's terminal itself
     * @param completer what tab offers
     * @param history the file that keeps the lines typed on a console across sessions, if any; input
     *     that is not a terminal is never recorded, as bash records no script
     * @return the input; close it to give the terminal back as it was
     * @throws IOException if the terminal cannot be set up
     */
    static ShellInput open(Main.Terminal streams, Completer completer, Optional<Path> history) throws IOException {
        if (streams.console()) {
            // stty through the exec provider needs no native library; dumb(true) makes a terminal
            // stty cannot drive a dumb one without JLine's warning on stderr.
            return new ShellInput(TerminalBuilder.builder().system(true).providers("exec").dumb(true)
                    .encoding(StandardCharsets.UTF_8).build(), completer, PROMPT, streams.out(), history);
        }
        // Not a terminal: nothing to edit and nobody to prompt, so the editor's echo and prompt go
        // nowhere and stdout keeps only what the commands print, as a script run would.
        return new ShellInput(TerminalBuilder.builder().system(false).type(Terminal.TYPE_DUMB)
                .streams(streams.in(), OutputStream.nullOutputStream()).encoding(StandardCharsets.UTF_8).build(),
                completer, "", streams.out(), Optional.empty());
    }

    /**
     * Reads lines from a terminal of the caller's, recording them in a history file: what a console
     * does, on a terminal a test can feed.
     *
     * @param terminal the terminal
     * @param completer what tab offers
     * @param history the history file
     * @return the input; close it when done
     */
    static ShellInput recording(Terminal terminal, Completer completer, Path history) {
        return new ShellInput(terminal, completer, "", new PrintStream(OutputStream.nullOutputStream()),
                Optional.of(history));
    }

    /**
     * Reads the next line. Ctrl-C drops the line being typed, as in bash; end of input ends the shell.
     *
     * @return the line without its end, or empty at end of input
     * @throws IOException if standard input cannot be read
     */
    Optional<String> next() throws IOException {
        // What the last command printed must be on the screen before JLine draws the prompt.
        out.flush();
        try {
            return Optional.of(reader.readLine(prompt));
        } catch (UserInterruptException e) {
            return next();
        } catch (EndOfFileException e) {
            // A last line with no newline still counts, as BufferedReader.readLine has it.
            return Optional.ofNullable(e.getPartialLine());
        } catch (IOError e) {
            // JLine reports a failed read as an error; to the shell it is the I/O failure it is.
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        terminal.close();
    }
}
