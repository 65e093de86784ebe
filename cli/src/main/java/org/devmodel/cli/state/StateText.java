package org.devmodel.cli.state;

import java.util.List;
import java.util.Map;
import org.devmodel.core.module.LoadedModule;
import org.devmodel.vfio.VfioContainerState;

/** {@code devmodel state}: the kernel's live objects as text, one section per kind, one object a line. */
public final class StateText {
    private static final String INDENT = "  ";

    private StateText() {
    }

    /**
     * {@return the state as text}
     *
     * @param state the state
     */
    public static String render(KernelState state) {
        StringBuilder text = new StringBuilder();
        text.append("modules (name, refcount, holders):\n");
        for (LoadedModule module : state.modules()) {
            line(text, String.format("%-20s %d %s", module.name(), module.refcount(),
                    module.holders().isEmpty() ? "-" : String.join(",", module.holders())));
        }
        text.append("char regions (major:baseminor+count name):\n");
        state.regions().forEach(region -> line(text, region));
        text.append("classes (devices with their numbers):\n");
        for (Map.Entry<String, List<String>> c : state.classes().entrySet()) {
            line(text, c.getKey() + ": " + (c.getValue().isEmpty() ? "-" : String.join(", ", c.getValue())));
        }
        text.append("iommu groups (functions with their drivers):\n");
        for (KernelState.Group group : state.groups()) {
            StringBuilder functions = new StringBuilder();
            group.functions().forEach((name, driver) -> functions.append(' ').append(name)
                    .append(" (").append(driver.orElse("no driver")).append(')'));
            line(text, group.id() + ":" + functions);
        }
        text.append("vfio containers (groups, backend, DMA mappings):\n");
        int number = 1;
        for (VfioContainerState container : state.containers()) {
            line(text, "container " + number++ + ": backend " + container.backend().orElse("none set"));
            for (VfioContainerState.Group group : container.groups()) {
                line(text, INDENT + "group " + group.id() + ": " + String.join(" ", group.devices()));
            }
            container.mappings().forEach(mapping -> line(text, INDENT + "dma " + mapping));
        }
        text.append("open files (pid, fd, path):\n");
        state.openFiles().forEach(file -> line(text, file));
        return text.toString();
    }

    private static void line(StringBuilder text, String line) {
        text.append(INDENT).append(line).append('\n');
    }
}
