package org.devmodel.cli.conform;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One way a later kernel answers differently from v3.14, as a user sees it: on lines about
 * {@code subject} (an ioctl request or call name, or {@code text} for tool output), where the
 * model's line matches {@code when} and the guest's matches {@code guest}, the named parts may
 * differ: struct fields by name, {@code result}, or {@code line} (anything, for text lines).
 *
 * @param id a short name, e.g. {@code pci-req-irq}
 * @param since the Linux version that introduced the difference
 * @param subject what lines it is about
 * @param when what the model's line must contain, if anything
 * @param guest what the guest's line must contain, if anything
 * @param parts the parts that may differ
 * @param explanation one sentence saying what changed
 */
record EraRule(String id, String since, String subject, Optional<Pattern> when, Optional<Pattern> guest,
        Set<String> parts, String explanation) {
    /** The part naming a call's result. */
    static final String RESULT = "result";
    /** The part naming a whole text line. */
    static final String LINE = "line";
    /** The subject of rules about text lines. */
    static final String TEXT = "text";

    /**
     * {@return whether the rule is about this pair of lines}
     *
     * @param model the model's line
     * @param guestLine the guest's line, translated
     */
    boolean appliesTo(TraceLine model, TraceLine guestLine) {
        String about = model.subject().orElse(TEXT);
        return about.equals(subject) && guestLine.subject().orElse(TEXT).equals(subject)
                && when.map(p -> p.matcher(model.text()).find()).orElse(true)
                && guest.map(p -> p.matcher(guestLine.text()).find()).orElse(true);
    }

    /** {@return how the rule is labelled: {@code id (Linux since)}} */
    String label() {
        return id + " (Linux " + since + ")";
    }
}
