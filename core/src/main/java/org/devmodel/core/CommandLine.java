package org.devmodel.core;

import java.util.Collections;
import java.util.LinkedHashMap;
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
     * @param text the words, e.g. {@code "intel_iommu=off pci.platform=/tmp/p"}
     * @return the parsed command line
     */
    public static CommandLine parse(String text) {
        Map<String, String> words = new LinkedHashMap<>();
        String trimmed = text.strip();
        if (!trimmed.isEmpty()) {
            for (String word : trimmed.split("\\s+")) {
                int eq = word.indexOf('=');
                words.put(eq < 0 ? word : word.substring(0, eq), eq < 0 ? "" : word.substring(eq + 1));
            }
        }
        return new CommandLine(trimmed, Collections.unmodifiableMap(words));
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
