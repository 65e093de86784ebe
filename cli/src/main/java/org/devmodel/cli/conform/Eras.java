package org.devmodel.cli.conform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The differences between v3.14 and a later kernel that a user can see, as data: {@code eras.txt}
 * next to this class, one rule a line,
 * {@code ID SINCE SUBJECT [when=REGEX] [guest=REGEX] differ=PART,... -- explanation}
 * (regexes without spaces; {@code #} starts a comment). Immutable.
 */
final class Eras {
    private static final String RESOURCE = "eras.txt";
    private static final String EXPLANATION = " -- ";

    private final List<EraRule> rules;

    private Eras(List<EraRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** {@return the rules shipped with devmodel} */
    static Eras shipped() {
        try (InputStream in = Eras.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@return rules read from text}
     *
     * @param text the rules
     * @param name the text's name for messages
     * @throws IOException if the text cannot be read
     * @throws IllegalArgumentException naming the line, for a malformed rule
     */
    static Eras parse(Reader text, String name) throws IOException {
        List<EraRule> rules = new ArrayList<>();
        BufferedReader lines = new BufferedReader(text);
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            try {
                rules.add(rule(line));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + ":" + number + ": " + e.getMessage(), e);
            }
        }
        return new Eras(rules);
    }

    private static EraRule rule(String line) {
        int cut = line.indexOf(EXPLANATION);
        if (cut < 0) {
            throw new IllegalArgumentException("no ' -- ' before the explanation");
        }
        String[] words = line.substring(0, cut).strip().split("\\s+");
        if (words.length < 4) {
            throw new IllegalArgumentException("expected ID SINCE SUBJECT ... differ=PART,...");
        }
        Optional<Pattern> when = Optional.empty();
        Optional<Pattern> guest = Optional.empty();
        Set<String> parts = Set.of();
        for (int i = 3; i < words.length; i++) {
            String word = words[i];
            if (word.startsWith("when=")) {
                when = Optional.of(regex(word.substring(5)));
            } else if (word.startsWith("guest=")) {
                guest = Optional.of(regex(word.substring(6)));
            } else if (word.startsWith("differ=")) {
                parts = Set.of(word.substring(7).split(","));
            } else {
                throw new IllegalArgumentException("unknown word '" + word + "'");
            }
        }
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("no differ=PART,...");
        }
        return new EraRule(words[0], words[1], words[2], when, guest, parts, line.substring(cut + EXPLANATION.length()).strip());
    }

    private static Pattern regex(String text) {
        try {
            return Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("bad regex '" + text + "': " + e.getDescription(), e);
        }
    }

    /** {@return every rule, in file order} */
    List<EraRule> rules() {
        return rules;
    }

    /**
     * Explains a difference between two lines about the same thing.
     *
     * @param model the model's line
     * @param guest the guest's line, translated
     * @return the rules that together explain every part that differs, or empty when they do not
     */
    Optional<List<EraRule>> explain(TraceLine model, TraceLine guest) {
        Set<String> differing = differingParts(model, guest);
        Set<String> covered = new HashSet<>();
        List<EraRule> used = new ArrayList<>();
        for (EraRule rule : rules) {
            if (rule.appliesTo(model, guest) && rule.parts().stream().anyMatch(differing::contains)) {
                covered.addAll(rule.parts());
                used.add(rule);
            }
        }
        return covered.containsAll(differing) && !used.isEmpty() ? Optional.of(used) : Optional.empty();
    }

    private static Set<String> differingParts(TraceLine model, TraceLine guest) {
        Set<String> parts = new LinkedHashSet<>();
        if (!model.isCall() || !model.skeleton().equals(guest.skeleton())) {
            parts.add(EraRule.LINE);
            return parts;
        }
        Set<String> names = new LinkedHashSet<>(model.fields().keySet());
        names.addAll(guest.fields().keySet());
        for (String name : names) {
            if (!String.valueOf(model.fields().get(name)).equals(String.valueOf(guest.fields().get(name)))) {
                parts.add(name);
            }
        }
        if (!model.result().equals(guest.result())) {
            parts.add(EraRule.RESULT);
        }
        return parts;
    }
}
