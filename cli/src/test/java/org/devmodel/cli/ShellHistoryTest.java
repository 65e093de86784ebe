package org.devmodel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jline.reader.impl.completer.NullCompleter;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell's history file: lines typed in one session are there in the next; the file is a temp one, never the real home's. */
class ShellHistoryTest {

    @Test
    void linesTypedInOneSessionAreInTheFileForTheNext(@TempDir Path home) throws IOException {
        Path file = home.resolve(".devmodel_history");
        try (ShellInput first = ShellInput.recording(terminal("lsmod\nmodprobe vfio\n"), NullCompleter.INSTANCE, file)) {
            assertThat(first.next()).contains("lsmod");
            assertThat(first.next()).contains("modprobe vfio");
        }
        assertThat(Files.readString(file)).contains("lsmod", "modprobe vfio");

        try (ShellInput second = ShellInput.recording(terminal("dmesg\n"), NullCompleter.INSTANCE, file)) {
            assertThat(second.next()).contains("dmesg");
        }
        assertThat(Files.readAllLines(file)).as("the second session appends to the first's lines")
                .anyMatch(line -> line.endsWith("lsmod")).anyMatch(line -> line.endsWith("dmesg"));
    }

    @Test
    void aShellFedFromAPipeRecordsNothing(@TempDir Path home) throws IOException {
        Path file = home.resolve(".devmodel_history");
        Main.Terminal pipe = new Main.Terminal(new ByteArrayInputStream("lsmod\n".getBytes(StandardCharsets.UTF_8)),
                System.out, System.err);
        try (ShellInput in = ShellInput.open(pipe, NullCompleter.INSTANCE, Optional.of(file))) {
            assertThat(in.next()).contains("lsmod");
        }
        assertThat(file).doesNotExist();
    }

    private static Terminal terminal(String input) throws IOException {
        return TerminalBuilder.builder().system(false).type(Terminal.TYPE_DUMB)
                .streams(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), OutputStream.nullOutputStream())
                .encoding(StandardCharsets.UTF_8).build();
    }
}
