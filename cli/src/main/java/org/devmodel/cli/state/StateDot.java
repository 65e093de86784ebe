package org.devmodel.cli.state;

import java.util.List;
import org.devmodel.core.module.LoadedModule;
import org.devmodel.vfio.VfioContainerState;

/**
 * {@code devmodel state --dot}: the same objects as a Graphviz graph. Modules point to the modules
 * that hold them; each container points to its groups, each group to its devices, each device to the
 * container's IOMMU domain (once a backend is set), and the domain to the DMA mappings it translates.
 */
public final class StateDot {
    private StateDot() {
    }

    /**
     * {@return the state as a {@code digraph} in the DOT language}
     *
     * @param state the state
     */
    public static String render(KernelState state) {
        StringBuilder dot = new StringBuilder("digraph devmodel {\n  rankdir=LR;\n  node [shape=box];\n");
        dot.append("  subgraph cluster_modules {\n    label=\"modules (refcount)\";\n");
        for (LoadedModule module : state.modules()) {
            node(dot, "    ", "module " + module.name(), module.name() + " (" + module.refcount() + ")");
        }
        dot.append("  }\n");
        for (LoadedModule module : state.modules()) {
            for (String holder : module.holders()) {
                edge(dot, "module " + module.name(), "module " + holder, " [label=\"held by\"]");
            }
        }
        int number = 1;
        for (VfioContainerState container : state.containers()) {
            containerNodes(dot, container, number++);
        }
        return dot.append("}\n").toString();
    }

    private static void containerNodes(StringBuilder dot, VfioContainerState container, int number) {
        String id = "container " + number;
        node(dot, "  ", id, "container " + number);
        String domain = "domain " + number;
        if (container.backend().isPresent()) {
            node(dot, "  ", domain, "IOMMU domain\\n" + container.backend().get());
            List<String> mappings = container.mappings();
            for (int i = 0; i < mappings.size(); i++) {
                String mapping = domain + " dma " + i;
                node(dot, "  ", mapping, mappings.get(i));
                edge(dot, domain, mapping);
            }
        }
        for (VfioContainerState.Group group : container.groups()) {
            String groupId = "group " + group.id();
            node(dot, "  ", groupId, "group " + group.id());
            edge(dot, id, groupId);
            for (String device : group.devices()) {
                node(dot, "  ", "device " + device, device);
                edge(dot, groupId, "device " + device);
                if (container.backend().isPresent()) {
                    edge(dot, "device " + device, domain);
                }
            }
        }
    }

    private static void node(StringBuilder dot, String indent, String id, String label) {
        dot.append(indent).append(quote(id)).append(" [label=").append(quote(label)).append("];\n");
    }

    private static void edge(StringBuilder dot, String from, String to) {
        edge(dot, from, to, "");
    }

    private static void edge(StringBuilder dot, String from, String to, String attributes) {
        dot.append("  ").append(quote(from)).append(" -> ").append(quote(to)).append(attributes).append(";\n");
    }

    /** A DOT string: quotes escaped; a {@code \n} already in a label stays a line break. */
    private static String quote(String text) {
        return "\"" + text.replace("\"", "\\\"") + "\"";
    }
}
