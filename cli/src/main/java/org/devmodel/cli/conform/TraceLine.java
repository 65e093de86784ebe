package org.devmodel.cli.conform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of a trace, read back: either a call as strace writes it ({@code name(args) = result},
 * whose subject is the ioctl request for {@code ioctl} and the call's name otherwise, with the
 * {@code field=value} pairs of its struct arguments) or any other text (tool output, FAIL lines,
 * the closing count).
 *
 * @param text the line
 * @param subject the ioctl request or call name, for a call
 * @param fields the struct fields shown, in order, for a call
 * @param result what follows {@code ) = }, for a call
 */
record TraceLine(String text, Optional<String> subject, Map<String, String> fields, Optional<String> result) {
    private static final Pattern CALL = Pattern.compile("([a-z_0-9]+)\\((.*)\\) = (.*)");
    private static final Pattern IOCTL_REQUEST = Pattern.compile("[^,]*, ([A-Za-z_0-9]+).*");
    private static final Pattern FIELD = Pattern.compile("([a-z_][a-z_0-9]*)=(\\[[^\\]]*\\]|[^,}]*)");

    /**
     * {@return a line read back}
     *
     * @param text the line, without its line break
     */
    static TraceLine parse(String text) {
        Matcher call = CALL.matcher(text);
        if (!call.matches()) {
            return new TraceLine(text, Optional.empty(), Map.of(), Optional.empty());
        }
        String args = call.group(2);
        String subject = call.group(1);
        Matcher request = IOCTL_REQUEST.matcher(args);
        if (subject.equals("ioctl") && request.matches()) {
            subject = request.group(1);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher field = FIELD.matcher(args);
        while (field.find()) {
            fields.put(field.group(1), field.group(2));
        }
        return new TraceLine(text, Optional.of(subject), Collections.unmodifiableMap(fields), Optional.of(call.group(3)));
    }

    /** {@return whether this is a call} */
    boolean isCall() {
        return subject.isPresent();
    }

    /** {@return the line with its field values and result blanked: two calls alike in shape have equal skeletons} */
    String skeleton() {
        if (!isCall()) {
            return text;
        }
        String withoutResult = text.substring(0, text.length() - result.get().length());
        return FIELD.matcher(withoutResult).replaceAll("$1=");
    }

    /** {@return what pairs this line with its counterpart: the call's subject, "FAIL", "NOT CHECKED", or "text"} */
    String key() {
        if (isCall()) {
            return "call " + subject.get();
        }
        if (text.startsWith("FAIL ")) {
            return "FAIL";
        }
        return text.startsWith("NOT CHECKED ") ? "NOT CHECKED" : "text";
    }
}
