package org.devmodel.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devmodel.it.Fixtures.CHARDEV;
import static org.devmodel.it.Fixtures.DEPENDENT;

import java.lang.ref.WeakReference;
import java.util.Map;
import org.devmodel.core.Kernel;
import org.devmodel.core.fs.OpenFlags;
import org.devmodel.core.proc.Credentials;
import org.devmodel.core.proc.FileRef;
import org.devmodel.core.proc.Task;
import org.junit.jupiter.api.Test;

/** Kernel modules in a modules directory: each jar indexed alone, loaded into a layer of its own, dropped on rmmod. */
class ModulesDirectoryTest {

    @Test
    void openingTheStaticNodeLoadsTheModuleFromItsJar() throws Exception {
        try (Kernel kernel = Kernel.boot(Fixtures.directory())) {
            Fixtures.assertAutoloadCycle(kernel);
        }
    }

    @Test
    void brokenJarsAreRefusedAloneWithAMessageNamingThem() throws Exception {
        try (Kernel kernel = Kernel.boot(Fixtures.directory())) {
            assertThat(kernel.modules().indexed()).containsExactly(CHARDEV, DEPENDENT, "fixture_slow_one",
                    "fixture_slow_two", "fixture_staticinit", "hello");
            assertThat(kernel.log().dmesg()).contains(
                    "depmod: fixture-twoproviders.jar: module org.devmodel.fixture.twoproviders provides 2 "
                            + "KernelModule providers; one is allowed; refused",
                    "depmod: fixture-noinfo.jar: provider org.devmodel.fixture.noinfo.NoInfo has no @KernelModuleInfo",
                    "depmod: fixture-badalias.jar: provider org.devmodel.fixture.badalias.BadAlias: malformed alias "
                            + "'char major 241' contains white space; refused",
                    "depmod: fixture-duplicate.jar: duplicate module name fixture_chardev (already in fixture-chardev.jar)",
                    "depmod: fixture-factory.jar: provider org.devmodel.fixture.factory.Factory declares a provider() "
                            + "factory method");
        }
    }

    @Test
    void indexingRunsNoDriverCode() throws Exception {
        try (Kernel kernel = Kernel.boot(Fixtures.directory())) {
            assertThat(kernel.modules().indexed()).contains("fixture_staticinit");
            assertThat(System.getProperty("devmodel.fixture.staticinit.ran"))
                    .as("the provider's static initializer ran while indexing").isNull();
        }
    }

    @Test
    void modulesDepNamesJarsAndTheDependentLoadsIntoALayerBelowItsDependency() throws Exception {
        try (Kernel kernel = Kernel.boot(Fixtures.directory())) {
            assertThat(kernel.vfs().readText("/lib/modules/3.14.0-devmodel/modules.dep")).isEqualTo(
                    "fixture-chardev.jar:\n"
                    + "fixture-dependent.jar: fixture-chardev.jar\n"
                    + "fixture-slow-one.jar:\n"
                    + "fixture-slow-two.jar:\n"
                    + "fixture-staticinit.jar:\n"
                    + "hello.jar:\n");
            assertThat(kernel.modules().modprobe(DEPENDENT, Map.of())).containsExactly(CHARDEV, DEPENDENT);
            assertThat(kernel.modules().find(CHARDEV).orElseThrow().holders()).containsExactly(DEPENDENT);
            kernel.modules().rmmod(DEPENDENT);
            kernel.modules().rmmod(CHARDEV);
        }
    }

    @Test
    void rmmodDropsTheLayerSoItsClassLoaderIsCollected() throws Exception {
        try (Kernel kernel = Kernel.boot(Fixtures.directory())) {
            Task task = kernel.spawn(Credentials.ROOT);
            int fd = task.syscalls().open(Fixtures.NODE, OpenFlags.O_RDWR);
            WeakReference<ClassLoader> loader = new WeakReference<>(loaderOf(kernel, task, fd));
            task.syscalls().close(fd);
            kernel.modules().rmmod(CHARDEV);
            kernel.settle();
            for (int i = 0; i < 100 && loader.get() != null; i++) {
                System.gc();
                Thread.sleep(50);
            }
            assertThat(loader.get()).as("the class loader of fixture_chardev's layer was not collected after rmmod")
                    .isNull();
            task.syscalls().close(task.syscalls().open(Fixtures.NODE, OpenFlags.O_RDWR));
            assertThat(Fixtures.live(kernel, CHARDEV)).as("loaded again into a fresh layer").isTrue();
        }
    }

    private static ClassLoader loaderOf(Kernel kernel, Task task, int fd) throws Exception {
        try (FileRef ref = task.fdget(fd)) {
            ClassLoader loader = ref.file().operations().getClass().getClassLoader();
            assertThat(loader).isNotSameAs(ClassLoader.getSystemClassLoader());
            assertThat(kernel.modules().find(CHARDEV)).isPresent();
            return loader;
        }
    }
}
