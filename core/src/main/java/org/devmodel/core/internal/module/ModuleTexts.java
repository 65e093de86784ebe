package org.devmodel.core.internal.module;

import java.util.List;
import java.util.stream.Collectors;
import org.devmodel.core.Kernel;
import org.devmodel.core.module.LoadedModule;

/** What userspace prints about modules: {@code lsmod}, {@code /proc/modules} and {@code modinfo}, in kmod's and the kernel's formats. */
final class ModuleTexts {
    /** {@code lsmod}'s header line. */
    static final String LSMOD_HEADER = "Module                  Size  Used by";

    private ModuleTexts() {
    }

    /**
     * {@return kmod's {@code lsmod}: {@code %-19s %8lu  %d} and the holders}
     *
     * @param modules newest first
     */
    static String lsmod(List<LoadedModule> modules) {
        StringBuilder text = new StringBuilder(LSMOD_HEADER).append('\n');
        for (LoadedModule m : modules) {
            text.append(String.format("%-19s %8d  %d", m.name(), m.size(), m.refcount()));
            if (!m.holders().isEmpty()) {
                text.append(' ').append(String.join(",", m.holders()));
            }
            text.append('\n');
        }
        return text.toString();
    }

    /**
     * {@return {@code /proc/modules} as {@code m_show} prints it, with {@code kptr_restrict} hiding addresses}
     *
     * @param modules newest first
     */
    static String procModules(List<LoadedModule> modules) {
        StringBuilder text = new StringBuilder();
        for (LoadedModule m : modules) {
            String holders = m.holders().isEmpty() ? "-" : m.holders().stream().map(h -> h + ",").collect(Collectors.joining());
            String state = switch (m.state()) {
                case COMING -> "Loading";
                case LIVE -> "Live";
                case GOING -> "Unloading";
            };
            text.append(m.name()).append(' ').append(m.size()).append(' ').append(m.refcount()).append(' ')
                    .append(holders).append(' ').append(state).append(" 0x0000000000000000\n");
        }
        return text.toString();
    }

    /**
     * {@return {@code modinfo}: one {@code %-16s%s} line per field, in kmod's order for a v3.14
     * module: filename, the aliases, version, license, description, author, softdep, depends, then a
     * {@code parm:} line per parameter (modpost of that era wrote no {@code name=} field)}
     *
     * @param entry the module
     * @param dependencies the modules it depends on
     */
    static String modinfo(IndexEntry entry, List<IndexEntry> dependencies) {
        ModInfo info = entry.info();
        StringBuilder text = new StringBuilder();
        field(text, "filename", "/lib/modules/" + Kernel.RELEASE + "/" + entry.path());
        info.aliases().forEach(a -> field(text, "alias", a));
        field(text, "version", info.version());
        field(text, "license", info.license());
        field(text, "description", info.description());
        field(text, "author", info.author());
        if (!info.softdepPre().isEmpty() || !info.softdepPost().isEmpty()) {
            String pre = info.softdepPre().isEmpty() ? "" : "pre: " + String.join(" ", info.softdepPre());
            String post = info.softdepPost().isEmpty() ? "" : "post: " + String.join(" ", info.softdepPost());
            field(text, "softdep", (pre + " " + post).trim());
        }
        text.append(String.format("%-16s%s\n", "depends:",
                dependencies.stream().map(IndexEntry::name).collect(Collectors.joining(","))));
        info.parameters().forEach(p -> field(text, "parm",
                p.name() + ":" + p.description() + " (" + p.type().modinfoName() + ")"));
        return text.toString();
    }

    private static void field(StringBuilder text, String name, String value) {
        if (!value.isEmpty()) {
            text.append(String.format("%-16s%s\n", name + ":", value));
        }
    }
}
