package org.devmodel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code devmodel conform} on the example scenarios in a real guest, as a user runs it. Slow (a QEMU
 * boot under TCG each) and dependent on what {@code tools/conform-setup} installed, so it runs only
 * when asked ({@code mvn -B verify -Ddevmodel.conform=true}) and when {@code tools/conform-setup
 * --check} finds the set-up.
 */
class ConformGuestTest {
    @ParameterizedTest
    @ValueSource(strings = {"vfio-sequence.scn", "edu-dma.scn"})
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void theExamplesDifferFromLinuxOnlyByTranslationsAndEras(String scenario) throws IOException, InterruptedException {
        assumeTrue(Boolean.getBoolean("devmodel.conform"), "runs only with -Ddevmodel.conform=true (boots QEMU)");
        Process check = new ProcessBuilder("../tools/conform-setup", "--check").redirectErrorStream(true).start();
        String why = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assumeTrue(check.waitFor(60, TimeUnit.SECONDS) && check.exitValue() == 0, "no guest set-up: " + why);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = Main.run(new String[] {"conform", "--timeout", "840", "../examples/scenarios/" + scenario},
                new Main.Terminal(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8)));

        assertThat(status).as("exit status; stdout:%n%s%nstderr:%n%s", out, err).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("IOMMU groups, model -> guest", " 0 mismatch");
    }
}
