package org.devmodel.cli.conform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * {@code conform} on the example scenarios in a real guest. Slow (a QEMU boot under TCG each) and
 * dependent on {@code tools/conform-setup}, so it runs only when asked: {@code mvn -B verify
 * -Ddevmodel.conform=true}.
 */
class ConformGuestTest {
    @ParameterizedTest
    @ValueSource(strings = {"vfio-sequence.scn", "edu-dma.scn"})
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void theExamplesDifferFromLinuxOnlyByTranslationsAndEras(String scenario) throws IOException {
        assumeTrue(Boolean.getBoolean("devmodel.conform"), "runs only with -Ddevmodel.conform=true (boots QEMU)");
        Path cache = ConformSetup.cache(System.getenv());
        assumeTrue(ConformSetup.read(cache).isPresent(), "no guest set-up in " + cache + ": run tools/conform-setup");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine conform = new CommandLine(new ConformCommand());
        conform.setOut(new PrintWriter(out, true));
        conform.setErr(new PrintWriter(err, true));

        int status = conform.execute("--timeout", "840", "../examples/scenarios/" + scenario);

        assertThat(status).as("exit status; stdout:%n%s%nstderr:%n%s", out, err).isZero();
        assertThat(out.toString()).contains("IOMMU groups, model -> guest", " 0 mismatch");
    }
}
