package org.devmodel.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.devmodel.cli.script.AdminVerb;
import org.devmodel.cli.script.ProcessVerb;

/** The shell's {@code help}: the scenario language on one screen, written from the command tables. */
final class ShellHelp {
    /** Where a process command's note starts, counted from the usage. */
    private static final int NOTE_COLUMN = 39;
    private static final String INDENT = "  ";

    /** The text, ending with a newline. */
    static final String TEXT = render();

    private ShellHelp() {
    }

    private static String render() {
        StringBuilder text = new StringBuilder("Process commands (each prints an strace-style line):\n");
        processLines().forEach(line -> text.append(INDENT).append(line).append('\n'));
        text.append("Admin commands (print what the real tool prints):\n");
        for (AdminVerb.Family family : AdminVerb.Family.values()) {
            text.append(INDENT).append(Arrays.stream(AdminVerb.values()).filter(v -> v.family() == family)
                    .map(AdminVerb::usage).collect(Collectors.joining("   "))).append('\n');
        }
        return text.append("Any command may end with => N, => ERRNO, => ok, => x:HEX, => \"text\" or => !\"text\".\n")
                .append("help shows this; exit, quit or end of input leaves.\n").toString();
    }

    /** A command with a line of its own has its note in a column; the others share a line. */
    private static List<String> processLines() {
        List<String> lines = new ArrayList<>();
        List<String> shared = new ArrayList<>();
        for (ProcessVerb verb : ProcessVerb.values()) {
            if (!verb.ownHelpLine()) {
                shared.add(verb.note().isEmpty() ? verb.usage() : verb.usage() + " " + verb.note());
            } else if (verb.note().isEmpty()) {
                lines.add(verb.usage());
            } else {
                String[] notes = verb.note().split("\n");
                lines.add(String.format("%-" + NOTE_COLUMN + "s%s", verb.usage(), notes[0]));
                for (int i = 1; i < notes.length; i++) {
                    lines.add(" ".repeat(NOTE_COLUMN) + notes[i]);
                }
            }
        }
        lines.add(String.join("    ", shared));
        return lines;
    }
}
