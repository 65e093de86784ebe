package org.devmodel.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kernel command line: whitespace-separated {@code key=value} words (a word without {@code =}
 * is a flag whose value is empty). Subsystems read their own parameters from it, such as
 * {@code pci.platform=FILE} or {@code intel_iommu=off}. A later word overrides an earlier one, as
 * {@code __setup} handlers see the last.
 */
public final class CommandLine {
    private final String text;
    private final Map<String, String> words;

    private CommandLine(String text, Map<String, String> words) {
        this.text = text;
        this.words = words;
    }

    /**
     * Parses a command line.
     *
     * As the kernel's {@code next_arg} does, whitespace inside double quotes does not end a word, and
     * the quotes around a value (or around a whole word) are dropped:
     * {@code pci.platform="/tmp/my platform.txt"}.
     *
     * @param text the words, e.g. {@code "intel_iommu=off pci.platform=/tmp/p"}
     * @return the parsed command line
     */
    public static CommandLine parse(String text) {
        Map<String, String> words = new LinkedHashMap<>();
        String trimmed = text.strip();
        for (String word : splitWords(trimmed)) {
            int eq = word.indexOf('=');
            words.put(eq < 0 ? word : word.substring(0, eq), eq < 0 ? "" : unquote(word.substring(eq + 1)));
        }
        return new CommandLine(trimmed, Collections.unmodifiableMap(words));
    }

    /** Splits at whitespace outside double quotes; a word quoted as a whole loses its quotes. */
    private static List<String> splitWords(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inQuote = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) && !inQuote) {
                addWord(words, word);
                continue;
            }
            if (c == '"') {
                inQuote = !inQuote;
            }
            word.append(c);
        }
        addWord(words, word);
        return words;
    }

    private static void addWord(List<String> words, StringBuilder word) {
        if (word.length() > 0) {
            String w = word.toString();
            words.add(w.startsWith("\"") && w.indexOf('=') > 0 ? unquote(w) : w);
            word.setLength(0);
        }
    }

    private static String unquote(String value) {
        if (!value.startsWith("\"")) {
            return value;
        }
        return value.substring(1, value.length() > 1 && value.endsWith("\"") ? value.length() - 1 : value.length());
    }

    /**
     * {@return the value of a parameter, if given}
     *
     * @param key the parameter name
     */
    public Optional<String> get(String key) {
        return Optional.ofNullable(words.get(key));
    }

    /**
     * {@return whether a switch is off: {@code key=off}, {@code key=0} or {@code key=n}}
     *
     * @param key the parameter name, e.g. {@code intremap}
     */
    public boolean isOff(String key) {
        return get(key).map(v -> v.equals("off") || v.equals("0") || v.equalsIgnoreCase("n")).orElse(false);
    }

    /** {@return every parameter, in order} */
    public Map<String, String> parameters() {
        return words;
    }

    /** {@return the text, as {@code /proc/cmdline} shows it} */
    @Override
    public String toString() {
        return text;
    }
}
