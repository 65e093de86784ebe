package org.devmodel.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devmodel.it.Fixtures.errnoOf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.devmodel.core.Errno;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.KernelOptions;
import org.devmodel.core.snapshot.KernelSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile jars in a modules directory (issue 18): an automatic module, a jar with no provider, two
 * providers, no annotation, a jar deleted after boot, and the private copies the loader makes.
 */
class HostileJarsTest {
    private static final String GOOD = Fixtures.CHARDEV;

    private static Path hostileModules() {
        return Path.of(System.getProperty("devmodel.hostile.modules"));
    }

    private static KernelOptions options(Path directory) {
        return KernelOptions.builder().bootLayerModules(false).modulesDirectory(directory).build();
    }

    /** The JPMS module's jar as the loader defined it: the private copy. */
    private static Path copyOf(Kernel kernel, String module) {
        Module code = kernel.modules().code(module).orElseThrow();
        return Path.of(code.getLayer().configuration().findModule(code.getName()).orElseThrow().reference()
                .location().orElseThrow());
    }

    @Test
    void depmodSaysWhatItRefusedOrIgnored() throws KernelException {
        try (Kernel kernel = Kernel.boot(options(hostileModules()))) {
            assertThat(kernel.log().dmesg()).contains(
                    "depmod: fixture-noprovider.jar: module org.devmodel.fixture.noprovider provides no KernelModule;"
                            + " ignored",
                    "depmod: fixture-twoproviders.jar: module org.devmodel.fixture.twoproviders provides 2 "
                            + "KernelModule providers; one is allowed; refused",
                    "depmod: fixture-noinfo.jar: provider org.devmodel.fixture.noinfo.NoInfo has no @KernelModuleInfo");
            assertThat(kernel.modules().indexed()).contains("fixture_automatic", "fixture_hostile", GOOD)
                    .doesNotContain("fixture_noinfo");
        }
    }

    @Test
    void anAutomaticModuleLoadsUnderTheNameItsJarGivesIt() throws KernelException {
        try (Kernel kernel = Kernel.boot(options(hostileModules()))) {
            assertThat(kernel.modules().modprobe("fixture_automatic", Map.of())).containsExactly("fixture_automatic");
            assertThat(kernel.modules().code("fixture_automatic").orElseThrow().getName()).isEqualTo("fixture.automatic");
            assertThat(kernel.log().dmesg()).contains("fixture_automatic: loaded");
            kernel.modules().rmmod("fixture_automatic");
        }
    }

    /**
     * Load/unload cycles leave no copy behind; {@code -Ddevmodel.hostile.cycles=N} runs more and
     * prints the heap's growth over them.
     */
    @Test
    void eachCopyIsDeletedWithItsModuleAndTheWorkingDirectoryWithTheKernel() throws KernelException {
        int cycles = Integer.getInteger("devmodel.hostile.cycles", 20);
        Path workDir;
        try (Kernel kernel = Kernel.boot(options(hostileModules()))) {
            KernelSnapshot boot = kernel.snapshot();
            long heapBefore = usedHeapAfterGc();
            Path first = null;
            for (int cycle = 0; cycle < cycles; cycle++) {
                kernel.modules().modprobe(GOOD, Map.of());
                Path copy = copyOf(kernel, GOOD);
                assertThat(copy).exists().hasFileName("fixture-chardev.jar");
                first = first == null ? copy : first;
                kernel.modules().rmmod(GOOD);
                assertThat(copy).as("cycle %d: the copy after rmmod", cycle).doesNotExist();
            }
            kernel.settle();
            assertThat(kernel.snapshot()).isEqualTo(boot);
            workDir = first.getParent().getParent();
            assertThat(workDir).isEmptyDirectory();
            System.out.printf("cycles: %d modprobe/rmmod of %s, heap %+d KiB, copies left 0%n", cycles, GOOD,
                    (usedHeapAfterGc() - heapBefore) >> 10);
        }
        assertThat(workDir).as("the working directory after the kernel closed").doesNotExist();
    }

    @Test
    void aJarDeletedAfterBootIsEnoentAndLeavesNothing(@TempDir Path directory) throws IOException, KernelException {
        Path jar = directory.resolve("fixture-chardev.jar");
        Files.copy(hostileModules().resolve("fixture-chardev.jar"), jar, StandardCopyOption.REPLACE_EXISTING);
        try (Kernel kernel = Kernel.boot(options(directory))) {
            KernelSnapshot boot = kernel.snapshot();
            Files.delete(jar);

            assertThat(errnoOf(() -> kernel.modules().modprobe(GOOD, Map.of()))).isEqualTo(Errno.ENOENT);
            assertThat(kernel.modules().find(GOOD)).as("left as COMING?").isEmpty();
            kernel.settle();
            assertThat(kernel.snapshot()).isEqualTo(boot);

            Files.copy(hostileModules().resolve("fixture-chardev.jar"), jar);
            assertThat(kernel.modules().modprobe(GOOD, Map.of())).containsExactly(GOOD);
        }
    }

    private static long usedHeapAfterGc() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
