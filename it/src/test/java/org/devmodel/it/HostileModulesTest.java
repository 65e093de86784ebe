package org.devmodel.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.devmodel.it.Fixtures.errnoOf;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.devmodel.core.Errno;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.KernelOptions;
import org.devmodel.core.fault.LedgerEvent;
import org.devmodel.core.module.ModuleState;
import org.devmodel.core.snapshot.KernelSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile modules (issue 18): an init or exit that throws an {@code Error}, a static initializer
 * that fails, an init that does not return. Each test shows the state after: the module gone (or
 * left COMING, as Linux shows a module whose init has not returned), nothing leaked, and the next
 * {@code modprobe} of a good module working.
 */
class HostileModulesTest {
    private static final String HOSTILE = "fixture_hostile";
    private static final String GOOD = Fixtures.CHARDEV;

    private Kernel kernel;
    private KernelSnapshot boot;

    @BeforeEach
    void boot() throws KernelException {
        kernel = Kernel.boot(KernelOptions.builder().bootLayerModules(false)
                .modulesDirectory(Path.of(System.getProperty("devmodel.hostile.modules")))
                .moduleInitTimeout(Duration.ofMillis(500)).build());
        boot = kernel.snapshot();
    }

    @AfterEach
    void shutdown() {
        kernel.close();
    }

    /** The next modprobe of a good module works, and after its rmmod the kernel is as it booted. */
    private void assertKernelStillWorks() throws KernelException {
        assertThat(kernel.modules().modprobe(GOOD, Map.of())).containsExactly(GOOD);
        kernel.modules().rmmod(GOOD);
        kernel.settle();
        assertThat(kernel.snapshot()).isEqualTo(boot);
    }

    @Test
    void anErrorFromInitUnloadsTheModuleAfterItsUnwind() throws KernelException {
        for (String fail : List.of("assertion", "noclassdef", "unchecked-io", "stackoverflow")) {
            long mark = kernel.ledger().mark();

            assertThat(errnoOf(() -> kernel.modules().modprobe(HOSTILE, Map.of("fail", fail)))).as(fail)
                    .isEqualTo(Errno.EIO);

            assertThat(kernel.modules().find(HOSTILE)).as("the module after its init threw, fail=%s", fail).isEmpty();
            assertThat(kernel.ledger().since(mark)).extracting(LedgerEvent::toString).as(fail).containsSubsequence(
                    "acquire class_create(class hostile) by fixture_hostile",
                    "release class_destroy(class hostile) by fixture_hostile");
            assertThat(kernel.ledger().outstanding(HOSTILE)).isEmpty();
        }
        assertThat(kernel.log().dmesg()).contains("BUG: fixture_hostile: init threw java.lang.AssertionError",
                "BUG: fixture_hostile: init threw java.lang.NoClassDefFoundError",
                "BUG: fixture_hostile: init threw java.io.UncheckedIOException",
                "BUG: fixture_hostile: init threw java.lang.StackOverflowError");
        assertThat(kernel.modules().modprobe(HOSTILE, Map.of())).as("loading it again").containsExactly(HOSTILE);
        kernel.modules().rmmod(HOSTILE);
        assertKernelStillWorks();
    }

    @Test
    void anErrorFromExitIsLoggedAndTheModuleIsGone() throws KernelException {
        kernel.modules().modprobe(HOSTILE, Map.of("fail", "assertion", "at", "exit"));

        kernel.modules().rmmod(HOSTILE);

        assertThat(kernel.modules().find(HOSTILE)).isEmpty();
        assertThat(kernel.log().dmesg()).contains("BUG: fixture_hostile: exit threw java.lang.AssertionError");
        assertKernelStillWorks();
    }

    @Test
    void anOutOfMemoryErrorStaysFatalButLeavesNoModuleBehind() throws KernelException {
        Throwable thrown = catchThrowable(() -> kernel.modules().modprobe(HOSTILE, Map.of("fail", "oom")));

        assertThat(thrown).isInstanceOf(OutOfMemoryError.class);
        assertThat(kernel.modules().find(HOSTILE)).as("not left COMING").isEmpty();
        assertThat(kernel.log().dmesg()).contains("fixture_hostile: init threw java.lang.OutOfMemoryError");
        assertKernelStillWorks();
    }

    @Test
    void aFailingStaticInitializerIsEioEveryTime() throws KernelException {
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThat(errnoOf(() -> kernel.modules().modprobe("fixture_badstatic", Map.of()))).isEqualTo(Errno.EIO);
            assertThat(kernel.modules().find("fixture_badstatic")).isEmpty();
        }
        assertThat(kernel.log().dmesg()).contains("BUG: fixture_badstatic: probe threw java.util.ServiceConfigurationError",
                "Provider org.devmodel.fixture.badstatic.BadStatic could not be instantiated");
        assertKernelStillWorks();
    }

    @Test
    void anInitThatDoesNotReturnIsGivenUpOnAndLeftComing() throws Exception {
        Throwable thrown = catchThrowable(() -> kernel.modules().modprobe(HOSTILE, Map.of("hang_ms", "3000")));

        assertThat(thrown).isInstanceOf(KernelException.class)
                .hasMessage("modprobe: ERROR: init of fixture_hostile has not returned after 0.5 s");
        assertThat(((KernelException) thrown).errno()).isEqualTo(Errno.ETIMEDOUT);
        assertThat(kernel.modules().find(HOSTILE).orElseThrow().state()).isEqualTo(ModuleState.COMING);
        assertThat(errnoOf(() -> kernel.modules().rmmod(HOSTILE))).as("rmmod of a COMING module").isEqualTo(Errno.EBUSY);
        assertThat(errnoOf(() -> kernel.modules().modprobe(HOSTILE, Map.of()))).as("a second modprobe waits, bounded")
                .isEqualTo(Errno.ETIMEDOUT);
        assertThat(kernel.modules().modprobe(GOOD, Map.of())).as("other modules load meanwhile").containsExactly(GOOD);
        kernel.modules().rmmod(GOOD);

        for (int i = 0; i < 100 && kernel.modules().find(HOSTILE).orElseThrow().state() == ModuleState.COMING; i++) {
            Thread.sleep(50);
        }
        assertThat(kernel.modules().find(HOSTILE).orElseThrow().state()).as("once init returned")
                .isEqualTo(ModuleState.LIVE);
        kernel.modules().rmmod(HOSTILE);
        assertKernelStillWorks();
    }

    @Test
    void hostileModulesLeaveTheIndexAsItWas() {
        assertThat(kernel.modules().indexed()).containsAll(List.of(HOSTILE, "fixture_badstatic", GOOD));
    }
}
