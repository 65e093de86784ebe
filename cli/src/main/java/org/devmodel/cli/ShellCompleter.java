package org.devmodel.cli;

import java.util.List;
import java.util.stream.Stream;
import org.devmodel.cli.script.ScriptParser;
import org.devmodel.ioctl.Constant;
import org.devmodel.ioctl.IoctlDescription;
import org.devmodel.ioctl.IoctlTable;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * The shell's tab completion: the first word of a line is a command (the scenario commands and the
 * shell's own), any later word an ioctl or constant name from the session's ioctl table. JLine
 * keeps the candidates that start with what was typed.
 */
final class ShellCompleter implements Completer {
    private final List<Candidate> commands;
    private final List<Candidate> names;

    /**
     * @param table the ioctl descriptions the session resolves names against
     * @param shellWords the words only the shell understands, such as {@code help}
     */
    ShellCompleter(IoctlTable table, List<String> shellWords) {
        this.commands = candidates(Stream.concat(ScriptParser.commandWords().stream(), shellWords.stream()));
        this.names = candidates(Stream.concat(table.ioctls().stream().map(IoctlDescription::name),
                table.constants().stream().map(Constant::name)));
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        candidates.addAll(line.wordIndex() == 0 ? commands : names);
    }

    private static List<Candidate> candidates(Stream<String> words) {
        return words.distinct().map(Candidate::new).toList();
    }
}
