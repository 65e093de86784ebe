package org.devmodel.cli.conform;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Char majors by name: the guest's dynamic majors differ from the model's (other drivers took
 * some), so a guest line's majors are read back through the names both {@code /proc/devices}
 * give them. Only places where a line shows a char device number are translated: {@code ls -l}'s
 * {@code MAJOR, MINOR}, {@code stat}'s {@code Device type: MAJOR,MINOR}, a {@code dev} file's
 * {@code MAJOR:MINOR} and a {@code /proc/devices} line. Immutable.
 */
final class MajorTable {
    private static final Pattern LS = Pattern.compile("^(c\\S+\\s+\\d+\\s+\\S+\\s+\\S+\\s+)(\\d+)(,)");
    private static final Pattern STAT = Pattern.compile("(Device type: )(\\d+)(,)");
    private static final Pattern DEV_FILE = Pattern.compile("^()(\\d+)(:\\d+)$");
    private static final Pattern PROC_DEVICES = Pattern.compile("^(\\s*)(\\d+)( \\S+)$");

    private final Map<Integer, Integer> toModel;
    private final Map<String, Pair> byName;

    private MajorTable(Map<Integer, Integer> toModel, Map<String, Pair> byName) {
        this.toModel = Map.copyOf(toModel);
        this.byName = byName;
    }

    /**
     * {@return the table of the char majors both sides name alike and number differently}
     *
     * @param model the model's {@code /proc/devices}
     * @param guest the guest's {@code /proc/devices}
     */
    static MajorTable of(List<String> model, List<String> guest) {
        Map<String, Integer> modelMajors = charMajors(model);
        Map<String, Integer> guestMajors = charMajors(guest);
        Map<Integer, Integer> toModel = new HashMap<>();
        Map<String, Pair> byName = new TreeMap<>();
        modelMajors.forEach((name, major) -> {
            Integer theirs = guestMajors.get(name);
            if (theirs != null && !theirs.equals(major)) {
                toModel.put(theirs, major);
                byName.put(name, new Pair(major, theirs));
            }
        });
        return new MajorTable(toModel, byName);
    }

    /** {@return the table's lines: {@code NAME MODEL -> GUEST}, by name} */
    List<String> describe() {
        return byName.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue().model() + " -> " + e.getValue().guest()).toList();
    }

    /**
     * {@return the line with the guest's majors given the model's numbers}
     *
     * @param line a guest trace line
     */
    String toModel(String line) {
        String text = line;
        for (Pattern place : List.of(LS, STAT, DEV_FILE, PROC_DEVICES)) {
            Matcher m = place.matcher(text);
            if (m.find()) {
                Integer major = toModel.get(Integer.parseInt(m.group(2)));
                if (major != null) {
                    String number = PROC_DEVICES.equals(place) ? String.format("%3d", major) : major.toString();
                    text = text.substring(0, m.start()) + m.group(1) + number + m.group(3) + text.substring(m.end());
                }
            }
        }
        return text;
    }

    private static Map<String, Integer> charMajors(List<String> procDevices) {
        Map<String, Integer> majors = new HashMap<>();
        for (String line : procDevices) {
            if (line.startsWith("Block devices:")) {
                break;
            }
            Matcher m = PROC_DEVICES.matcher(line);
            if (m.matches()) {
                majors.putIfAbsent(m.group(3).strip(), Integer.parseInt(m.group(2)));
            }
        }
        return majors;
    }

    /** A name's majors on the two sides. */
    private record Pair(int model, int guest) {
    }
}
