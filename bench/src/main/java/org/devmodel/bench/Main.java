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
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws IOException, RunnerException {
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
        Path mods = Path.of(System.getProperty("devmodel.mods", "mods")).toAbsolutePath().normalize();
        if (!Files.isDirectory(mods)) {
            System.err.println("devmodel-bench: no modules directory " + mods
                    + " (build it with mvn -B -q -DskipTests package, or pass -Ddevmodel.mods=DIR)");
            System.exit(2);
        }
        List<String> append = new ArrayList<>(options.getJvmArgsAppend().orElse(List.of()));
        append.addAll(List.of("--module-path", mods.toString(), "--add-modules", "ALL-MODULE-PATH"));
        new Runner(new OptionsBuilder().parent(options).jvmArgsAppend(append.toArray(String[]::new)).build()).run();
    }
}
