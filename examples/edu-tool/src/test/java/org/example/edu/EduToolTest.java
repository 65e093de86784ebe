package org.example.edu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class EduToolTest extends OnEduModel {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return EduTool.run(process, waiting(), args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void printsVersionFactorialAndTheTextBackFromDma() {
        assertThat(run("3", ADDRESS, "version")).isZero();
        assertThat(run("3", ADDRESS, "factorial", "12")).isZero();
        assertThat(run("3", ADDRESS, "dma", "héllo, edu")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("edu 1.0\n12! = 479001600 (mod 2^32)\nhéllo, edu\n");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aBadCommandLineIsExitStatus2WithTheUsageOrTheBadWord() {
        assertThat(run("3", ADDRESS)).isEqualTo(2);
        assertThat(run("3", ADDRESS, "version", "extra")).isEqualTo(2);
        assertThat(run("three", ADDRESS, "version")).isEqualTo(2);
        assertThat(run("3", ADDRESS, "factorial", "-1")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(
                "usage: edu-tool GROUP ADDRESS (version | factorial N | dma TEXT)\n"
                + "usage: edu-tool GROUP ADDRESS (version | factorial N | dma TEXT)\n"
                + "edu-tool: not a number: three\n"
                + "edu-tool: not a number: -1\n");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aKernelFailureIsExitStatus1WithTheErrnoAndNoStackTrace() {
        assertThat(run("5", "0000:01:00.0", "version")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("edu-tool: 0000:01:00.0: ENOENT (No such file or directory)\n");
    }
}
