package org.devmodel.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.devmodel.cli.admin.BootedKernel;
import org.devmodel.cli.machine.ModelMachine;
import org.devmodel.core.Kernel;
import org.junit.jupiter.api.Test;

/**
 * The sample of the shared scenarios (the kernel documentation's canonical VFIO sequence) prints its
 * trace byte for byte on the default platform. The files are read from {@code ../shared/scenarios/}
 * beside the repository when it is there, else from the copy in {@code src/test/resources/canonical},
 * which must then be identical.
 */
class CanonicalScenarioTest {
    private static final Path SHARED = Path.of("../../shared/scenarios");
    private static final Path COPY = Path.of("src/test/resources/canonical");
    private static final String SCRIPT = "canonical.scn";
    private static final String TRACE = "canonical.trace";

    @Test
    void printsTheCanonicalTraceByteForByte() throws Exception {
        Path dir = Files.isDirectory(SHARED) ? SHARED : COPY;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (ModelMachine booted = new ModelMachine(BootedKernel.connect(Kernel.boot()));
                PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
                ScriptRunner runner = new ScriptRunner(booted, SCRIPT, o, e)) {
            status = runner.run(Files.readString(dir.resolve(SCRIPT)));
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(Files.readString(dir.resolve(TRACE)));
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(status).isZero();
    }

    @Test
    void theCopyIsTheSharedSample() throws IOException {
        for (String name : new String[] {SCRIPT, TRACE}) {
            String copy = Files.readString(COPY.resolve(name));
            if (Files.isDirectory(SHARED)) {
                assertThat(copy).as(name).isEqualTo(Files.readString(SHARED.resolve(name)));
            } else {
                assertThat(copy).as(name).isNotBlank();
            }
        }
    }
}
