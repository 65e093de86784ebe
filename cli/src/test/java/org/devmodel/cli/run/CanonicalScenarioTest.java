package org.devmodel.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.devmodel.cli.seam.Backend;
import org.devmodel.cli.seam.Seams;
import org.devmodel.core.Kernel;
import org.junit.jupiter.api.Test;

/**
 * The sample of the shared scenarios (the kernel documentation's canonical VFIO sequence, copied
 * with its trace into {@code src/test/resources/canonical}) prints its trace byte for byte on the
 * default platform. It needs the module loader and the vfio and vfio-pci modules; until they are
 * on the module path it skips itself, saying so.
 */
class CanonicalScenarioTest {
    private static final Path DIR = Path.of("src/test/resources/canonical");

    @Test
    void printsTheCanonicalTraceByteForByte() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (Backend backend = Seams.connect(Kernel.boot())) {
            assumeTrue(backend.kernel().modules().indexed().containsAll(List.of("vfio", "vfio_iommu_type1", "vfio_pci")),
                    "needs the vfio, vfio_iommu_type1 and vfio-pci modules, not in this build yet");
            try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
                    ScriptRunner runner = new ScriptRunner(backend, "canonical.scn", o, e)) {
                status = runner.run(Files.readString(DIR.resolve("canonical.scn")));
            }
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(Files.readString(DIR.resolve("canonical.trace")));
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(status).isZero();
    }
}
