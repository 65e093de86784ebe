package org.devmodel.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The whole suite of the seven figures in one command: runs the benchmarks in steps (the slowest
 * parameter values with fewer iterations), writes every result into one JMH JSON file, then draws
 * the plot and the table of targets from that file. {@code full} takes under 15 minutes on two
 * cores, {@code quick} (one short iteration, small parameters) under 2; {@code smoke} runs each
 * benchmark once with its smallest parameters, in the calling JVM, so the build can check that
 * none has rotted.
 */
final class Suite {
    /** Which benchmarks to run, with parameter overrides and whether to cut the iterations. */
    private record Step(String include, Map<String, String[]> params, boolean singleIteration) {
    }

    private static final String FIXED = "DispatchBenchmark|FloorBenchmark|RealBenchmark|ConcurrencyBenchmark"
            + "|KernelsBenchmark|AutoloadBenchmark";

    private static final List<Step> FULL = List.of(
            new Step(FIXED, Map.of(), false),
            new Step("Type1Benchmark", Map.of(), false),
            new Step("GroupScaleBenchmark", Map.of(), false),
            new Step("BootScaleBenchmark", Map.of("modules", new String[] {"10", "100", "1000"}), false),
            new Step("BootScaleBenchmark", Map.of("modules", new String[] {"10000"}), true));

    private static final List<Step> QUICK = List.of(
            new Step(FIXED + "|Type1Benchmark|GroupScaleBenchmark|BootScaleBenchmark", Map.of(
                    "mappings", new String[] {"0", "1000"},
                    "live", new String[] {"1000"},
                    "modules", new String[] {"10", "100"},
                    "kernels", new String[] {"100"}), false));

    private Suite() {
    }

    /**
     * Runs a suite.
     *
     * @param kind {@code full} or {@code quick}
     * @param out the directory for {@code results.json}, {@code results.svg} and {@code summary.md}
     * @param forkArgs what every forked JVM needs (the module path)
     */
    static void run(String kind, Path out, List<String> forkArgs) throws RunnerException, IOException {
        boolean quick = kind.equals("quick");
        if (!quick && !kind.equals("full")) {
            throw new IllegalArgumentException("suite: unknown kind '" + kind + "' (full or quick)");
        }
        Files.createDirectories(out);
        List<RunResult> results = new ArrayList<>();
        for (Step step : quick ? QUICK : FULL) {
            ChainedOptionsBuilder options = new OptionsBuilder().include(step.include())
                    .jvmArgsAppend(forkArgs.toArray(String[]::new));
            step.params().forEach(options::param);
            if (quick) {
                options.warmupIterations(1).warmupTime(TimeValue.milliseconds(200))
                        .measurementIterations(1).measurementTime(TimeValue.milliseconds(300));
            } else if (step.singleIteration()) {
                options.warmupIterations(0).measurementIterations(1);
            }
            results.addAll(new Runner(options.build()).run());
        }
        Path json = out.resolve("results.json");
        try (PrintStream file = new PrintStream(Files.newOutputStream(json), true, "UTF-8")) {
            ResultFormatFactory.getInstance(ResultFormatType.JSON, file).writeOut(results);
        }
        report(json, out);
    }

    /**
     * Runs every benchmark once with its smallest parameters, untimed, in this JVM, which must have
     * devmodel's modules in its boot layer.
     */
    static Collection<RunResult> smoke() throws RunnerException {
        return new Runner(new OptionsBuilder().include("org.devmodel.bench.*Benchmark")
                .param("mappings", "0").param("live", "10").param("modules", "10").param("kernels", "10")
                .param("source", "boot", "jar")
                .forks(0).warmupIterations(0).measurementIterations(1).measurementTime(TimeValue.milliseconds(10))
                .shouldFailOnError(true).verbosity(VerboseMode.SILENT).build()).run();
    }

    /**
     * Draws {@code results.svg} and writes {@code summary.md} from a JMH JSON result file.
     *
     * @param json the result file
     * @param out the directory to write into
     */
    static void report(Path json, Path out) throws IOException {
        Results results = Results.read(json);
        Files.writeString(out.resolve("results.svg"), Plot.svg(results));
        Files.writeString(out.resolve("summary.md"), Summary.table(results));
        System.out.println("devmodel-bench: wrote " + json + ", " + out.resolve("results.svg") + " and "
                + out.resolve("summary.md"));
    }
}
