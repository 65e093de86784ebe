package org.devmodel.cli.conform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuestRunTest {
    private static final ConformSetup SETUP = new ConformSetup(Path.of("/c/vmlinuz"), Path.of("/c/kernel"),
            "6.1.0-50-amd64", Path.of("/c/initramfs.cpio.gz"), Path.of("/usr/bin/qemu-system-x86_64"), "tcg");

    @Test
    void theGuestsSettingsAreShellAssignmentsQuotedWhateverTheyHold() {
        GuestRun.Job job = new GuestRun.Job(Path.of("/home/o'brien/devmodel"), "examples/scenarios/edu-dma.scn",
                Path.of("/usr/lib/jvm/java-17/bin/java"), List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"),
                "/home/o'brien/devmodel/mods", "--host run", List.of("vfio-pci", "hello"));

        assertThat(job.environment(SETUP).lines()).containsExactly(
                "KVER='6.1.0-50-amd64'",
                "MODULES='/c/kernel'",
                "CWD='/home/o'\\''brien/devmodel'",
                "SCRIPT='examples/scenarios/edu-dma.scn'",
                "JAVA='/usr/lib/jvm/java-17/bin/java'",
                "JAVA_OPTS='-XX:TieredStopAtLevel=1 -XX:+UseSerialGC'",
                "MODPATH='/home/o'\\''brien/devmodel/mods'",
                "COMMAND='--host run'",
                "LOAD_AFTER='vfio-pci hello'");
    }
}
