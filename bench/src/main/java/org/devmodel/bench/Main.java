package org.devmodel.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * JMH's command line, plus the one thing a forked JVM needs: devmodel's modules in its boot layer.
 * The kernel finds its built-in subsystems and kernel modules with {@code ServiceLoader} from the
 * modules' {@code provides}, which the class path JMH forks with does not see; so every fork gets
 * {@code --module-path DIR --add-modules ALL-MODULE-PATH}, DIR being {@code -Ddevmodel.mods}
 * (default {@code mods}, the launch directory {@code mvn package} fills).
 *
 * <p>Besides JMH's own options: {@code suite full|quick [DIR]} runs the seven figures of
 * docs/PERFORMANCE.md into {@code DIR} (default {@code bench-results}): the JSON result file, the
 * plot and the table of targets; {@code report JSON [DIR]} redraws the plot and the table from a
 * result file. See {@link Suite}.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws IOException, RunnerException {
        // The machine is shared: JMH's lock against a second JMH run would only make a run fail, not quieter.
        System.setProperty("jmh.ignoreLock", "true");
        if (args.length > 0 && args[0].equals("report")) {
            Path json = Path.of(args[1]);
            Suite.report(json, args.length > 2 ? Path.of(args[2]) : json.toAbsolutePath().getParent());
            return;
        }
        if (args.length > 0 && args[0].equals("suite")) {
            Suite.run(args.length > 1 ? args[1] : "full", Path.of(args.length > 2 ? args[2] : "bench-results"),
                    forkArgs());
            return;
        }
        CommandLineOptions options;
        try {
            options = new CommandLineOptions(args);
        } catch (CommandLineOptionException e) {
            System.err.println("Error parsing command line: " + e.getMessage());
            System.exit(1);
            return;
        }
        if (options.shouldHelp() || options.shouldList() || options.shouldListWithParams()
                || options.shouldListProfilers() || options.shouldListResultFormats()) {
            org.openjdk.jmh.Main.main(args);
            return;
        }
        List<String> append = new ArrayList<>(options.getJvmArgsAppend().orElse(List.of()));
        append.addAll(forkArgs());
        new Runner(new OptionsBuilder().parent(options).jvmArgsAppend(append.toArray(String[]::new)).build()).run();
    }

    /** {@return the options that put devmodel's modules into a forked JVM's boot layer} */
    private static List<String> forkArgs() {
        Path mods = Path.of(System.getProperty("devmodel.mods", "mods")).toAbsolutePath().normalize();
        if (!Files.isDirectory(mods)) {
            System.err.println("devmodel-bench: no modules directory " + mods
                    + " (build it with mvn -B -q -DskipTests package, or pass -Ddevmodel.mods=DIR)");
            System.exit(2);
        }
        return List.of("--module-path", mods.toString(), "--add-modules", "ALL-MODULE-PATH");
    }
}
