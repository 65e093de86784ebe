package org.devmodel.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.devmodel.cli.machine.FileTree;
import org.devmodel.cli.script.ScriptParser;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.FileType;
import org.devmodel.ioctl.Constant;
import org.devmodel.ioctl.IoctlDescription;
import org.devmodel.ioctl.IoctlTable;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * The shell's tab completion: the first word of a line is a command (the scenario commands and the
 * shell's own); a later word starting with {@code /} is a path of the model's file system
 * ({@code /dev/vfio/}, {@code /sys/bus/pci/devices/}, {@code /proc/}), listed from the kernel as
 * it is now; any other later word an ioctl or constant name from the session's ioctl table. JLine
 * keeps the candidates that start with what was typed.
 */
final class ShellCompleter implements Completer {
    private final List<Candidate> commands;
    private final List<Candidate> names;
    private final FileTree files;

    /**
     * @param table the ioctl descriptions the session resolves names against
     * @param shellWords the words only the shell understands, such as {@code help}
     * @param files the session machine's files, whose paths complete
     */
    ShellCompleter(IoctlTable table, List<String> shellWords, FileTree files) {
        this.commands = candidates(Stream.concat(ScriptParser.commandWords().stream(), shellWords.stream()));
        this.names = candidates(Stream.concat(table.ioctls().stream().map(IoctlDescription::name),
                table.constants().stream().map(Constant::name)));
        this.files = files;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String word = line.word().substring(0, line.wordCursor());
        if (line.wordIndex() == 0) {
            candidates.addAll(commands);
        } else if (word.startsWith("/")) {
            candidates.addAll(paths(word));
        } else {
            candidates.addAll(names);
        }
    }

    /** The entries of the directory the word is in; a directory ends with {@code /} and leaves the word open. */
    private List<Candidate> paths(String word) {
        String directory = word.substring(0, word.lastIndexOf('/') + 1);
        List<Candidate> paths = new ArrayList<>();
        try {
            for (String name : files.list(directory)) {
                String path = directory + name;
                boolean isDirectory = isDirectory(path);
                paths.add(new Candidate(isDirectory ? path + "/" : path, name, null, null, null, null,
                        !isDirectory));
            }
        } catch (KernelException e) {
            // Not a directory of the model (yet): nothing to offer, as bash offers nothing.
        }
        return paths;
    }

    private boolean isDirectory(String path) {
        try {
            return files.stat(path).type() == FileType.DIRECTORY;
        } catch (KernelException e) {
            return false;
        }
    }

    private static List<Candidate> candidates(Stream<String> words) {
        return words.distinct().map(Candidate::new).toList();
    }
}
