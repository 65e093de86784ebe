package org.devmodel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs each scenario of {@code examples/scenarios/} as the README tells a user to, and checks that
 * every expectation in it holds: exit status 0 and the closing count of its expectations, nothing
 * failed on stderr. {@code hello-misc.scn} runs with the modules directory the build makes for
 * {@code examples/hello-misc}, {@code spapr-tce.scn} on the POWER platform; the second line of each
 * scenario, the command that runs it, says so.
 */
class ExamplesTest {
    private static final Path EXAMPLES = Path.of("../examples");

    @ParameterizedTest
    @CsvSource({
        "autoload.scn,      ,                           , '13 passed, 0 failed'",
        "vfio-sequence.scn, ,                           , '22 passed, 0 failed'",
        "edu-dma.scn,       ,                           , '15 passed, 0 failed'",
        "hello-misc.scn,    hello-misc/target/modules,  , '11 passed, 0 failed'",
        "spapr-tce.scn,     ,             --machine power, '26 passed, 0 failed'",
    })
    void everyExpectationHolds(String scenario, String modules, String options, String count) throws Exception {
        Path file = EXAMPLES.resolve("scenarios").resolve(scenario);
        List<String> args = new ArrayList<>();
        if (options != null) {
            args.addAll(List.of(options.split(" ")));
            assertThat(Files.readAllLines(file).get(1)).as("the run line of %s", scenario).contains(options);
        }
        if (modules != null) {
            Path dir = EXAMPLES.resolve(modules);
            assertThat(dir).as("the modules directory the build makes for examples/hello-misc").isDirectory();
            args.addAll(List.of("--modules", dir.toString()));
        }
        args.addAll(List.of("run", file.toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = Main.run(args.toArray(String[]::new), new Main.Terminal(new ByteArrayInputStream(new byte[0]), o, e));
        }
        assertThat(Files.readString(file)).as("a commented scenario").startsWith("# ");
        assertThat(err.toString(StandardCharsets.UTF_8)).as("stderr of %s", scenario).doesNotContain("FAIL");
        assertThat(out.toString(StandardCharsets.UTF_8)).as("stdout of %s", scenario).endsWith("\n" + count + "\n");
        assertThat(status).as("exit status of %s", scenario).isZero();
    }
}
