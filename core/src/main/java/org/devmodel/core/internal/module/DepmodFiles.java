package org.devmodel.core.internal.module;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.devmodel.core.DevT;

/**
 * The one place that knows kmod's text formats: writes {@code modules.alias}, {@code modules.dep}
 * and {@code modules.devname} from an index, and reads {@code modules.devname} back as
 * {@code kmod static-nodes} does. Nothing here scans, loads or creates anything.
 */
final class DepmodFiles {
    /** The first line of {@code modules.devname}. */
    static final String DEVNAME_HEADER = "# Device nodes to trigger on-demand module loading.";

    private static final Pattern MAJOR_MINOR = Pattern.compile("(char|block)-major-(\\d+)-(\\d+)");
    private static final Pattern DEVNAME_LINE = Pattern.compile("(\\S+) (\\S+) ([cb])(\\d+):(\\d+)");

    private DepmodFiles() {
    }

    /**
     * A line of {@code modules.devname}.
     *
     * @param module the module name
     * @param devname the node path relative to {@code /dev}
     * @param type {@code c} or {@code b}
     * @param devt the device number
     */
    record DevnameLine(String module, String devname, char type, DevT devt) {
        String text() {
            return module + " " + devname + " " + type + devt.major() + ":" + devt.minor();
        }
    }

    /**
     * {@return {@code modules.alias}: {@code alias <alias> <module>} per alias, in index order}
     *
     * @param index the index
     */
    static String aliases(ModuleIndex index) {
        StringBuilder text = new StringBuilder("# Aliases extracted from modules themselves.\n");
        for (IndexEntry e : index.entries()) {
            for (String alias : e.info().aliases()) {
                text.append("alias ").append(alias).append(' ').append(e.name()).append('\n');
            }
        }
        return text.toString();
    }

    /**
     * {@return {@code modules.dep}: {@code <path>: <dependency paths>} per module}
     *
     * @param index the index
     */
    static String dependencies(ModuleIndex index) {
        StringBuilder text = new StringBuilder();
        for (IndexEntry e : index.entries()) {
            String deps = index.allDependencies(e).stream().map(IndexEntry::path).collect(Collectors.joining(" "));
            text.append(e.path()).append(':').append(deps.isEmpty() ? "" : " " + deps).append('\n');
        }
        return text.toString();
    }

    /**
     * {@return {@code modules.devname}, as kmod's {@code output_devname} writes it}
     *
     * @param index the index
     * @param warn receives depmod's warning for a devname without a major/minor alias
     */
    static String devnames(ModuleIndex index, Consumer<String> warn) {
        StringBuilder text = new StringBuilder(DEVNAME_HEADER).append('\n');
        for (IndexEntry e : index.entries()) {
            devnameLine(e, warn).ifPresent(line -> text.append(line.text()).append('\n'));
        }
        return text.toString();
    }

    private static Optional<DevnameLine> devnameLine(IndexEntry e, Consumer<String> warn) {
        String devname = null;
        Matcher majorMinor = null;
        for (String alias : e.info().aliases()) {
            Matcher m = MAJOR_MINOR.matcher(alias);
            if (alias.startsWith("devname:") && devname == null) {
                devname = alias.substring("devname:".length());
            } else if (m.matches() && majorMinor == null) {
                majorMinor = m;
            }
        }
        if (devname == null) {
            return Optional.empty();
        }
        if (majorMinor == null) {
            warn.accept("Module '" + e.name() + "' has devname (" + devname
                    + ") but lacks major and minor information. Ignoring.");
            return Optional.empty();
        }
        char type = majorMinor.group(1).charAt(0);
        DevT devt = DevT.of(Integer.parseInt(majorMinor.group(2)), Integer.parseInt(majorMinor.group(3)));
        return Optional.of(new DevnameLine(e.name(), devname, type, devt));
    }

    /**
     * Reads {@code modules.devname} as {@code kmod static-nodes} does: {@code #} lines are skipped and
     * an invalid line is reported and skipped.
     *
     * @param text the file
     * @param invalid receives each invalid line
     * @return the valid lines, in order
     */
    static List<DevnameLine> parseDevnames(String text, Consumer<String> invalid) {
        List<DevnameLine> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher m = DEVNAME_LINE.matcher(line);
            if (m.matches()) {
                DevT devt = DevT.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)));
                lines.add(new DevnameLine(m.group(1), m.group(2), m.group(3).charAt(0), devt));
            } else {
                invalid.accept(line);
            }
        }
        return lines;
    }
}
