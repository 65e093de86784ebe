package org.example.hello;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs a scenario with the devmodel CLI, as a user would: the driver's jar in a modules directory,
 * the CLI and its modules in {@code target/mods}.
 */
class HelloScenarioIT {

    @Test
    void everyExpectationOfTheScenarioHolds() throws IOException, InterruptedException {
        Path scenario = Path.of(System.getProperty("scenario"));
        Path modules = Path.of("target", "modules");
        assertThat(modules.resolve("hello-driver-1.0.jar")).as("the packaged driver").isRegularFile();
        String java = ProcessHandle.current().info().command().orElse("java");
        Path out = Files.createTempFile(Path.of("target"), "scenario", ".out");
        Process cli = new ProcessBuilder(List.of(java, "--module-path", System.getProperty("mods"), "-m", "org.devmodel.cli",
                "--modules", modules.toString(), "run", scenario.toString()))
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!cli.waitFor(60, TimeUnit.SECONDS)) {
            cli.destroyForcibly();
            throw new AssertionError("the CLI ran over 60 s: " + Files.readString(out, StandardCharsets.UTF_8));
        }
        String output = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(output).as("the CLI's output").contains(" passed, 0 failed\n").doesNotContain("FAIL");
        assertThat(cli.exitValue()).as("exit status; output:%n%s", output).isZero();
    }
}
