package org.devmodel.misc;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.devmodel.core.DevT;

/**
 * Reads the text of {@code /proc/misc} ({@code misc_seq_show}: {@code "%3i %s\n"} per registered
 * device, newest first), from the model or from a real kernel.
 */
public final class ProcMisc {

    /**
     * One line: a registered misc device.
     *
     * @param minor its minor
     * @param name its name
     */
    public record Entry(int minor, String name) {
        /** Checks the arguments. */
        public Entry {
            Objects.requireNonNull(name, "name");
        }
    }

    private ProcMisc() {
    }

    /**
     * Parses the text.
     *
     * @param source names the text in error messages, e.g. {@code /proc/misc}
     * @param text the whole text
     * @return the entries in the text's order
     * @throws IllegalArgumentException naming the source and the line when a line is not a minor
     *     from 0 to 255 followed by a name
     */
    public static List<Entry> parse(String source, String text) {
        List<Entry> entries = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] words = line.split(" ", 2);
            entries.add(new Entry(minor(source, i + 1, words[0]), name(source, i + 1, words)));
        }
        return List.copyOf(entries);
    }

    private static int minor(String source, int line, String word) {
        try {
            int minor = Integer.parseInt(word);
            // v3.14 stays below 256; later kernels hand out dynamic minors above 255 (vga_arbiter 256)
            if (minor >= 0 && minor <= DevT.MINORMASK) {
                return minor;
            }
        } catch (NumberFormatException e) {
            // reported below with the line
        }
        throw new IllegalArgumentException(source + ":" + line + ": not a misc minor: '" + word + "'");
    }

    private static String name(String source, int line, String[] words) {
        if (words.length < 2 || words[1].isBlank()) {
            throw new IllegalArgumentException(source + ":" + line + ": minor " + words[0] + " has no name");
        }
        return words[1];
    }
}
