package org.devmodel.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.devmodel.cli.admin.BootedKernel;
import org.devmodel.cli.machine.ModelMachine;
import org.devmodel.core.Kernel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every {@code src/test/resources/scenarios/*.scn} on a fresh kernel with the fixture driver,
 * and every {@code src/test/resources/vfio/*.scn} on a fresh kernel of the default platform (QEMU's
 * edu device at {@code 0000:00:03.0}, every devmodel module in the index), and compares exit
 * status, stdout and stderr with {@code NAME.expected}, written from the contract of the scenario
 * language and the kernel's facts: a {@code status: N} line, then {@code stdout:} and
 * {@code stderr:} sections holding the exact lines. lsmod's {@code Size} column is the size of a
 * module's class files, which changes whenever its code does, so a row's size is compared as
 * "some number", everything else exactly.
 */
class ScenarioFilesTest {
    private static final Path SCENARIOS = Path.of("src/test/resources/scenarios");
    private static final Path VFIO = Path.of("src/test/resources/vfio");
    private static final Pattern LSMOD_SIZE = Pattern.compile("(?m)^([a-z][a-z0-9_]* +)\\d+( +\\d+)");

    static Stream<String> scenarios() throws IOException {
        return names(SCENARIOS);
    }

    static Stream<String> vfioScenarios() throws IOException {
        return names(VFIO);
    }

    private static Stream<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".scn")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void printsExactlyWhatTheContractSays(String name) throws Exception {
        check(SCENARIOS, name, Run.fixtureKernel());
    }

    @ParameterizedTest
    @MethodSource("vfioScenarios")
    void printsExactlyWhatTheKernelDoesOnTheDefaultPlatform(String name) throws Exception {
        check(VFIO, name, BootedKernel.connect(Kernel.boot()));
    }

    private static void check(Path dir, String name, BootedKernel booted) throws Exception {
        Expected expected = Expected.read(dir.resolve(name.replace(".scn", ".expected")));
        Run run = Run.of(booted, name, Files.readString(dir.resolve(name)));
        assertThat(withoutLsmodSizes(run.stdout())).as("stdout of %s", name)
                .isEqualTo(withoutLsmodSizes(expected.stdout()));
        assertThat(run.stderr()).as("stderr of %s", name).isEqualTo(expected.stderr());
        assertThat(run.status()).as("exit status of %s", name).isEqualTo(expected.status());
    }

    private static String withoutLsmodSizes(String stdout) {
        return LSMOD_SIZE.matcher(stdout).replaceAll("$1SIZE$2");
    }

    /** What a script did. */
    record Run(int status, String stdout, String stderr) {
        /** Runs a script on a booted kernel, then closes it. */
        static Run of(BootedKernel kernel, String file, String text) throws Exception {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            try (ModelMachine booted = new ModelMachine(kernel);
                    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
                    ScriptRunner runner = new ScriptRunner(booted, file, o, e)) {
                int status = runner.run(text);
                return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
            }
        }

        /** The production tools on a kernel with the fixture driver, names resolved against its table. */
        static BootedKernel fixtureKernel() throws Exception {
            Kernel kernel = Kernel.boot();
            FixtureDriver.install(kernel);
            BootedKernel production = BootedKernel.connect(kernel);
            return new BootedKernel(kernel, FixtureDriver.ioctls(), production.modules(), production.pci());
        }
    }

    /** An {@code .expected} file. */
    record Expected(int status, String stdout, String stderr) {
        static Expected read(Path file) throws IOException {
            String text = Files.readString(file);
            int stdout = text.indexOf("\nstdout:\n");
            int stderr = text.indexOf("stderr:\n", stdout);
            int status = Integer.parseInt(text.substring("status: ".length(), stdout).strip());
            return new Expected(status, text.substring(stdout + "\nstdout:\n".length(), stderr),
                    text.substring(stderr + "stderr:\n".length()));
        }
    }
}
