package org.devmodel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code devmodel conform} as registered in the launcher, for what needs no guest. */
class ConformMainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aPowerGuestIsRefusedWithTheReasonAndStatusTwo() {
        assertThat(run("--machine", "power", "conform", "../examples/scenarios/vfio-sequence.scn")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("devmodel conform: --machine power is not supported:"
                + " the guest runs the host's JDK");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void theLauncherListsConform() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("conform");
    }

    private int run(String... args) {
        return Main.run(args, new Main.Terminal(new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
    }
}
