package org.devmodel.cli.conform;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.devmodel.cli.run.ScriptRunner;
import org.devmodel.cli.script.AdminVerb;
import org.devmodel.cli.script.Command;
import org.devmodel.cli.script.ScriptException;
import org.devmodel.cli.script.Statement;
import org.devmodel.cli.machine.ModelMachine;
import org.devmodel.core.KernelException;
import org.devmodel.pci.Pci;
import org.devmodel.pci.PciFunction;

/**
 * The scenario on the model, with what the comparison needs around it: the platform's functions
 * and their IOMMU groups before the run, the trace (standard output and error interleaved, as a
 * terminal shows them), and {@code /proc/devices} after it with the modules the script loads
 * loaded again.
 *
 * @param functions the platform's functions
 * @param trace the trace lines
 * @param status the run's exit status
 * @param loaded the modules the script loads with {@code modprobe}
 * @param devices {@code /proc/devices} after the run
 */
record ModelRun(List<PlatformFunction> functions, List<String> trace, int status, List<String> loaded,
        List<String> devices) {
    /**
     * Runs a script on a booted kernel.
     *
     * @param machine the model kernel; the caller closes it
     * @param file the script's name as given
     * @param text the script
     * @return what happened
     * @throws KernelException if the script's process cannot be set up
     */
    static ModelRun run(ModelMachine machine, String file, String text) throws KernelException {
        List<PlatformFunction> functions = new ArrayList<>();
        for (PciFunction function : machine.kernel().subsystem(Pci.class).map(Pci::functions).orElse(List.of())) {
            String group = tool(machine, AdminVerb.CAT, "/sys/bus/pci/devices/" + function.address() + "/iommu_group");
            functions.add(new PlatformFunction(function.address(), Integer.parseInt(group.strip()), function.modelName()));
        }
        ByteArrayOutputStream trace = new ByteArrayOutputStream();
        int status;
        List<String> loaded;
        try (PrintStream out = new PrintStream(trace, true, StandardCharsets.UTF_8);
                ScriptRunner runner = new ScriptRunner(machine, file, out, out)) {
            loaded = modprobes(runner, text);
            status = runner.run(text);
        }
        for (String module : loaded) {
            tool(machine, AdminVerb.MODPROBE, module);
        }
        String devices = tool(machine, AdminVerb.CAT, "/proc/devices");
        return new ModelRun(List.copyOf(functions), trace.toString(StandardCharsets.UTF_8).lines().toList(), status,
                loaded, devices.lines().toList());
    }

    private static List<String> modprobes(ScriptRunner runner, String text) {
        Set<String> modules = new LinkedHashSet<>();
        try {
            for (Statement statement : runner.parser().parse(text).statements()) {
                if (statement.command() instanceof Command.Admin admin && admin.verb() == AdminVerb.MODPROBE) {
                    modules.add(admin.arguments().get(0));
                }
            }
        } catch (ScriptException e) {
            // The run reports the script's error; there is nothing to load again then.
            return List.of();
        }
        return List.copyOf(modules);
    }

    /** Runs an admin command in a process of its own and returns what it printed. */
    private static String tool(ModelMachine machine, AdminVerb verb, String argument) throws KernelException {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
                ScriptRunner runner = new ScriptRunner(machine, "conform", out, out)) {
            runner.runOnce(verb, List.of(argument));
        }
        return printed.toString(StandardCharsets.UTF_8);
    }
}
