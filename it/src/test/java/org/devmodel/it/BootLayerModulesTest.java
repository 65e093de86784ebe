package org.devmodel.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.devmodel.it.Fixtures.CHARDEV;
import static org.devmodel.it.Fixtures.DEPENDENT;
import static org.devmodel.it.Fixtures.errnoOf;

import java.util.List;
import java.util.Map;
import org.devmodel.core.Errno;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelOptions;
import org.devmodel.core.fs.FileType;
import org.devmodel.core.fs.OpenFlags;
import org.devmodel.core.proc.Credentials;
import org.devmodel.core.proc.Task;
import org.junit.jupiter.api.Test;

/** Kernel modules on the boot layer (the launch module path): index, autoload, refcounts and views. */
class BootLayerModulesTest {

    @Test
    void openingTheStaticNodeLoadsTheModuleAndRmmodFollowsTheOpenFile() throws Exception {
        try (Kernel kernel = Kernel.boot(Fixtures.boot(CHARDEV))) {
            Fixtures.assertAutoloadCycle(kernel);
        }
    }

    @Test
    void theIndexFilesFollowKmodsFormats() throws Exception {
        try (Kernel kernel = Kernel.boot(Fixtures.boot(DEPENDENT))) {
            String dir = "/lib/modules/3.14.0-devmodel/";
            assertThat(kernel.modules().indexed()).containsExactly(CHARDEV, DEPENDENT);
            assertThat(kernel.vfs().readText(dir + "modules.alias")).contains(
                    "alias char-major-240-0 fixture_chardev\n",
                    "alias devname:fixture0 fixture_chardev\n",
                    "alias fixture:dep-* fixture_dependent\n");
            assertThat(kernel.vfs().readText(dir + "modules.dep")).isEqualTo(
                    "boot/org.devmodel.fixture.chardev:\n"
                    + "boot/org.devmodel.fixture.dependent: boot/org.devmodel.fixture.chardev\n");
            assertThat(kernel.vfs().readText(dir + "modules.devname")).isEqualTo(
                    "# Device nodes to trigger on-demand module loading.\n"
                    + "fixture_chardev fixture0 c240:0\n");
        }
    }

    @Test
    void theIndexCanHoldOnlyTheModuleUnderTestAndItsDependencies() throws Exception {
        try (Kernel kernel = Kernel.boot(Fixtures.boot("fixture-chain-backend"))) {
            assertThat(kernel.modules().indexed())
                    .containsExactlyInAnyOrder("fixture_chain_base", "fixture_chain_backend");
        }
        try (Kernel kernel = Kernel.boot(KernelOptions.defaults())) {
            assertThat(kernel.modules().indexed()).contains(CHARDEV, DEPENDENT, "fixture_chain_base");
        }
    }

    @Test
    void aDependentModuleLoadsItsDependencyFirstAndHoldsIt() throws Exception {
        try (Kernel kernel = Kernel.boot(Fixtures.boot(DEPENDENT))) {
            assertThat(kernel.modules().modprobe("fixture-dependent", Map.of())).containsExactly(CHARDEV, DEPENDENT);
            assertThat(kernel.modules().find(CHARDEV).orElseThrow().holders()).containsExactly(DEPENDENT);
            String[] lsmod = kernel.modules().lsmod().split("\n");
            assertThat(lsmod[0]).isEqualTo("Module                  Size  Used by");
            assertThat(lsmod[1]).matches("fixture_dependent {3}" + " *\\d+  0");
            assertThat(lsmod[2]).matches("fixture_chardev {5}" + " *\\d+  1 fixture_dependent");
            assertThat(lsmod[1].length()).isEqualTo(19 + 1 + 8 + 2 + 1);
            assertThat(kernel.vfs().readText("/proc/modules")).matches(
                    "fixture_dependent \\d+ 0 - Live 0x0000000000000000\n"
                    + "fixture_chardev \\d+ 1 fixture_dependent, Live 0x0000000000000000\n");
            assertThat(errnoOf(() -> kernel.modules().rmmod(CHARDEV))).isEqualTo(Errno.EAGAIN);
            kernel.modules().rmmod(DEPENDENT);
            kernel.modules().rmmod(CHARDEV);
            assertThat(kernel.modules().loaded()).isEmpty();
        }
    }

    /**
     * v3.14 {@code mod_sysfs_setup}: every module gets {@code holders/}, which {@code add_usage_links}
     * fills with the modules using it and {@code del_usage_links} empties again; {@code version} is a
     * modinfo attribute that {@code modinfo_version_exists} leaves out without {@code MODULE_VERSION}.
     */
    @Test
    void sysModuleListsHoldersAndTheDeclaredVersionOnly() throws Exception {
        try (Kernel kernel = Kernel.boot(Fixtures.boot(DEPENDENT))) {
            kernel.modules().modprobe(DEPENDENT, Map.of());
            assertThat(kernel.vfs().list("/sys/module/fixture_chardev/holders")).containsExactly(DEPENDENT);
            assertThat(kernel.vfs().list("/sys/module/fixture_dependent/holders")).isEmpty();
            assertThat(kernel.vfs().readText("/sys/module/fixture_chardev/version")).isEqualTo("1.0\n");
            assertThat(kernel.vfs().list("/sys/module/fixture_dependent"))
                    .containsExactly("holders", "initstate", "refcnt");

            kernel.modules().rmmod(DEPENDENT);

            assertThat(kernel.vfs().list("/sys/module/fixture_chardev/holders")).isEmpty();
            assertThat(kernel.vfs().exists("/sys/module/fixture_dependent")).isFalse();
            kernel.modules().rmmod(CHARDEV);
            assertThat(kernel.vfs().exists("/sys/module/fixture_chardev")).isFalse();
        }
    }

    @Test
    void rmmodAnswersAsDeleteModule() throws Exception {
        try (Kernel kernel = Kernel.boot(Fixtures.boot(DEPENDENT))) {
            assertThat(errnoOf(() -> kernel.modules().rmmod(CHARDEV))).isEqualTo(Errno.ENOENT);
            kernel.modules().modprobe(DEPENDENT, Map.of());
            assertThat(catchThrowable(() -> kernel.modules().rmmod(CHARDEV)))
                    .hasMessage("Module fixture_chardev is in use by: fixture_dependent");
            assertThat(catchThrowable(() -> kernel.modules().rmmod("fixture_staticinit")))
                    .hasMessage("Module fixture_staticinit is not currently loaded");
        }
    }

    @Test
    void everyModuleClaimingAnAliasIsLoadedInIndexOrder() throws Exception {
        try (Kernel kernel = Kernel.boot(Fixtures.boot("buggy", "fixture_misc"))) {
            assertThat(kernel.vfs().readText("/lib/modules/3.14.0-devmodel/modules.alias"))
                    .contains("alias fixture:pair buggy\n", "alias fixture:pair fixture_misc\n");
            assertThat(kernel.modules().modprobe("fixture:pair", Map.of())).containsExactly("buggy", "fixture_misc");
            assertThat(Fixtures.live(kernel, "buggy")).isTrue();
            assertThat(Fixtures.live(kernel, "fixture_misc")).isTrue();
        }
    }

    @Test
    void exactAndWildcardAliasesResolveAndUnknownOnesFailAsModprobe() throws Exception {
        try (Kernel kernel = Kernel.boot(Fixtures.boot(DEPENDENT))) {
            assertThat(kernel.requestModule("char-major-240-0")).isZero();
            assertThat(Fixtures.live(kernel, CHARDEV)).isTrue();
            assertThat(kernel.requestModule("fixture:dep-anything")).isZero();
            assertThat(Fixtures.live(kernel, DEPENDENT)).isTrue();
            assertThat(kernel.requestModule("char-major-241-0")).isEqualTo(256);
            assertThat(errnoOf(() -> kernel.modules().modprobe("no-such-module", Map.of()))).isEqualTo(Errno.ENOENT);
            assertThat(kernel.requestModule("x".repeat(64))).isEqualTo(-Errno.ENAMETOOLONG.number());
        }
    }

    @Test
    void aNodeWithNoModuleBehindItFailsWithEnxio() throws Exception {
        try (Kernel kernel = Kernel.boot(Fixtures.boot())) {
            kernel.vfs().devtmpfs().createStaticNode("orphan", FileType.CHAR_DEVICE, Fixtures.DEVT);
            Task task = kernel.spawn(Credentials.ROOT);
            assertThat(errnoOf(() -> task.syscalls().open("/dev/orphan", OpenFlags.O_RDWR))).isEqualTo(Errno.ENXIO);
        }
    }

    @Test
    void parametersShowInSysfsAndModinfo() throws Exception {
        try (Kernel kernel = Kernel.boot(Fixtures.boot(CHARDEV))) {
            assertThat(kernel.modules().modinfo(CHARDEV)).isEqualTo(
                    "filename:       /lib/modules/3.14.0-devmodel/boot/org.devmodel.fixture.chardev\n"
                    + "alias:          char-major-240-0\n"
                    + "alias:          devname:fixture0\n"
                    + "version:        1.0\n"
                    + "license:        GPL v2\n"
                    + "description:    Fixture char driver on major 240\n"
                    + "author:         devmodel\n"
                    + "depends:        \n"
                    + "parm:           debug:Log every open (bool)\n"
                    + "parm:           greeting:What init logs (charp)\n"
                    + "parm:           leak_region:Keep the char region at exit, a bug the loader must report (bool)\n");
            assertThat(errnoOf(() -> kernel.modules().modprobe(CHARDEV, Map.of("nope", "1")))).isEqualTo(Errno.EINVAL);
            assertThat(errnoOf(() -> kernel.modules().modprobe(CHARDEV, Map.of("debug", "maybe")))).isEqualTo(Errno.EINVAL);
            kernel.modules().modprobe(CHARDEV, Map.of("debug", "1", "greeting", "hi"));
            assertThat(kernel.vfs().readText("/sys/module/fixture_chardev/parameters/debug")).isEqualTo("Y\n");
            assertThat(kernel.vfs().readText("/sys/module/fixture_chardev/parameters/greeting")).isEqualTo("hi\n");
            assertThat(kernel.log().dmesg()).contains("fixture_chardev: hi");
            kernel.modules().rmmod(CHARDEV);
            assertThat(kernel.vfs().exists("/sys/module/fixture_chardev")).isFalse();
            assertThat(kernel.modules().ioctlDescriptions(CHARDEV).orElseThrow()).contains("FIXTURE_PING");
        }
    }

    @Test
    void whatExitLeavesRegisteredIsLoggedAsAWarning() throws Exception {
        try (Kernel kernel = Kernel.boot(Fixtures.boot(CHARDEV))) {
            kernel.modules().modprobe(CHARDEV, Map.of("leak_region", "Y"));
            kernel.modules().rmmod(CHARDEV);
            assertThat(kernel.log().dmesg())
                    .contains("fixture_chardev: left register_chrdev_region (chrdev_region 240:0+1) registered");
        }
    }

    @Test
    void theNowaitChainDoesNotDeadlock() throws Exception {
        try (Kernel kernel = Kernel.boot(Fixtures.boot("fixture_chain_backend"))) {
            assertThat(kernel.modules().modprobe("fixture_chain_backend", Map.of()))
                    .containsExactly("fixture_chain_base", "fixture_chain_backend");
            kernel.settle();
            assertThat(kernel.modules().find("fixture_chain_base").orElseThrow().holders())
                    .containsExactly("fixture_chain_backend");
        }
        try (Kernel kernel = Kernel.boot(Fixtures.boot("fixture_chain_backend"))) {
            kernel.modules().modprobe("fixture_chain_base", Map.of());
            kernel.settle();
            assertThat(Fixtures.live(kernel, "fixture_chain_backend")).isTrue();
        }
    }

    @Test
    void loadedModulesAreListedNewestFirst() throws Exception {
        try (Kernel kernel = Kernel.boot(Fixtures.boot(DEPENDENT))) {
            kernel.modules().modprobe(DEPENDENT, Map.of());
            assertThat(kernel.modules().loaded()).extracting(m -> m.name()).isEqualTo(List.of(DEPENDENT, CHARDEV));
        }
    }
}
