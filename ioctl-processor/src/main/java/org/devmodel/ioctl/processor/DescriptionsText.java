package org.devmodel.ioctl.processor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The statements collected from every {@code @IoctlDescriptions} class, written in the order the format needs. */
final class DescriptionsText {
    private final List<String> sources = new ArrayList<>();
    private final List<String> constants = new ArrayList<>();
    private final Map<String, List<String>> sets = new LinkedHashMap<>();
    private final List<String> structs = new ArrayList<>();
    private final List<String> ioctls = new ArrayList<>();
    private final List<String> structNames = new ArrayList<>();
    /** Each set or struct a statement names, with the statement, checked once every class is read. */
    private final Map<String, String> setUses = new LinkedHashMap<>();
    private final Map<String, String> structUses = new LinkedHashMap<>();

    void source(String className) {
        sources.add(className);
    }

    void constant(String name, String value) {
        constants.add("const " + name + " " + value);
    }

    void member(String set, String name, String value) {
        sets.computeIfAbsent(set, s -> new ArrayList<>()).add("  " + name + " " + value);
    }

    void struct(String name, List<String> fields) {
        structNames.add(name);
        fields.forEach(f -> uses("struct " + name, f));
        StringBuilder text = new StringBuilder("struct ").append(name).append('\n');
        fields.forEach(f -> text.append("  ").append(f).append('\n'));
        structs.add(text.append("end").toString());
    }

    void ioctl(String name, String number, String file, String arg) {
        uses("ioctl " + name, arg);
        ioctls.add("ioctl " + name + " " + number + " " + file + " " + arg);
    }

    private void uses(String statement, String words) {
        String[] tokens = words.split("\\s+");
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i].startsWith("flags=") || tokens[i].startsWith("values=")) {
                setUses.put(tokens[i].substring(tokens[i].indexOf('=') + 1), statement);
            } else if (tokens[i].equals("struct") && i + 1 < tokens.length && !statement.startsWith("struct ")) {
                structUses.put(tokens[i + 1], statement);
            }
        }
    }

    /** {@return a message for each set or struct a statement names that no class defines} */
    List<String> undefinedNames() {
        List<String> problems = new ArrayList<>();
        setUses.forEach((set, user) -> {
            if (!sets.containsKey(set)) {
                problems.add(user + " names the set " + set + ", which no @InSet constant defines");
            }
        });
        structUses.forEach((struct, user) -> {
            if (!structNames.contains(struct)) {
                problems.add(user + " names struct " + struct + ", which no StructLayout field defines");
            }
        });
        return problems;
    }

    boolean isEmpty() {
        return sources.isEmpty();
    }

    /** {@return the file: constants, then sets, structs and ioctls, since a name is defined above its use} */
    String render() {
        StringBuilder text = new StringBuilder("# Written by devmodel-ioctl-processor from ")
                .append(String.join(", ", sources)).append("; edit those classes, not this file.\n");
        constants.forEach(c -> text.append(c).append('\n'));
        sets.forEach((name, members) -> {
            text.append("set ").append(name).append('\n');
            members.forEach(m -> text.append(m).append('\n'));
            text.append("end\n");
        });
        structs.forEach(s -> text.append(s).append('\n'));
        ioctls.forEach(i -> text.append(i).append('\n'));
        return text.toString();
    }
}
