package org.devmodel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher end to end, in-process: options, subcommands, exit statuses and what they print. */
class MainTest {

    @Test
    void helpListsTheCommandsAndExitsZero() {
        Result r = run("", "--help");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("--modules=DIR", "--platform=FILE", "--machine=NAME", "--cmdline=", "run", "shell",
                "demo", "modprobe", "new_id", "dmesg", "--host", "--real-fds", "--host-wait=MS");
    }

    @Test
    void everyCommandHasItsOwnHelp() {
        Result r = run("", "ls", "--help");
        assertThat(r.status()).isZero();
        assertThat(r.out()).startsWith("Usage: devmodel [OPTIONS] ls [-l] PATH\n");
    }

    @Test
    void anUnknownOptionIsAUsageErrorWithStatusTwo() {
        Result r = run("", "--frobnicate", "demo");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option: '--frobnicate'");
    }

    @Test
    void aOneShotAdminCommandPrintsWhatTheToolPrints() {
        Result r = run("", "ls", "-l", "/proc/devices");
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo("-r--r--r-- 1 root root 0 Mar 30 21:00 /proc/devices\n");
    }

    @Test
    void aFailingOneShotCommandExitsOneWithTheToolsError() {
        Result r = run("", "cat", "/nothing");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("cat: /nothing: No such file or directory\n");
    }

    @Test
    void aOneShotCommandWithMissingArgumentsExitsTwo() {
        Result r = run("", "stat");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("devmodel: stat: missing argument, usage: stat PATH\n");
    }

    @Test
    void aOneShotAdminCommandThatFailsExitsOneWithTheToolsWords() {
        Result r = run("", "bind", "0000:00:03.0", "vfio-pci");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("bash: /sys/bus/pci/drivers/vfio-pci/bind: No such file or directory\n");
    }

    @Test
    void dmesgPrintsTheRingWithStampsInSecondsSinceBoot() {
        Result r = run("", "dmesg");
        assertThat(r.status()).isZero();
        assertThat(r.out()).startsWith("[    0.000000] Linux version 3.14.0-devmodel (devmodel)\n"
                + "[    0.000000] Command line: \n");
        assertThat(r.out().lines()).allMatch(line -> line.matches("\\[ {4}0\\.000000\\] .*"));
    }

    @Test
    void lsmodOnAKernelWithoutLoadedModulesPrintsKmodsHeaderOnly() {
        Result r = run("", "lsmod");
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo("Module                  Size  Used by\n");
    }

    @Test
    void runReadsStandardInputForDashAndNamesItDash() {
        Result r = run("open f /proc/devices O_RDONLY => 4\n", "run", "-");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).isEqualTo("open(\"/proc/devices\", O_RDONLY) = 3\n0 passed, 1 failed\n");
        assertThat(r.err()).isEqualTo("FAIL -:1: expected 4, got 3\n");
    }

    @Test
    void runOfAMissingFileExitsTwo() {
        Result r = run("", "run", "no-such.scn");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("devmodel: cannot read no-such.scn: ");
    }

    @Test
    void aModulesDirectoryThatIsNotThereIsABootErrorWithStatusTwo() {
        Result r = run("", "--modules", "no-such-dir", "lsmod");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("devmodel: cannot boot the kernel: depmod: cannot list no-such-dir\n");
    }

    @Test
    void theCommandLineOptionReachesTheKernel() {
        Result r = run("", "--cmdline", "quiet=1", "dmesg");
        assertThat(r.out()).contains("Command line: quiet=1\n");
    }

    @Test
    void theMachineOptionSelectsThePowerPlatformWhoseBackendIsSpapr() {
        Result r = run("", "--machine", "power", "dmesg");
        assertThat(r.out()).contains("Command line: pci.machine=power\n", "Setting up 32-bit TCE table at 0..80000000");
        Result unknown = run("", "--machine", "sparc", "lsmod");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown machine 'sparc'");
    }

    @Test
    void theShellRunsLinesGoesOnAfterAnErrorAndShowsHelp() {
        Result r = run("help\nfrobnicate\nopen f /proc/devices O_RDONLY => 3\nexit\nclose f\n", "shell");
        assertThat(r.status()).isZero();
        assertThat(r.out()).startsWith("Process commands")
                .endsWith("open(\"/proc/devices\", O_RDONLY) = 3\n1 passed, 0 failed\n");
        assertThat(r.err()).isEqualTo("-:2:1: unknown command frobnicate\n");
    }

    @Test
    void theShellReadsPipedLinesWithTabsInThemAndALastLineWithoutItsNewline() {
        // Piped input goes through JLine's dumb terminal: a tab is whitespace there, not completion.
        Result r = run("open f\t/proc/devices\tO_RDONLY => 3\nclose f", "shell");
        assertThat(r.status()).isZero();
        assertThat(r.out()).as("no prompt and no echo when standard input is not a terminal")
                .isEqualTo("open(\"/proc/devices\", O_RDONLY) = 3\nclose(3) = 0\n1 passed, 0 failed\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void theDemoTellsTheStoryAndPassesEveryExpectation() {
        Result r = run("", "demo");
        assertThat(r.status()).isZero();
        assertThat(r.out()).startsWith("# /dev/vfio/vfio exists at boot, a static node (modules.devname) with mode 0600,"
                + " before vfio loads.\ncrw------- 1 root root 10, 196 Mar 30 21:00 /dev/vfio/vfio\n")
                .endsWith("46 passed, 0 failed\n");
        assertThat(r.out().lines()).containsSubsequence(
                "open(\"/dev/vfio/vfio\", O_RDWR) = 3",
                "ioctl(4, VFIO_GROUP_GET_STATUS, {argsz=8, flags=VFIO_GROUP_FLAGS_VIABLE}) = 0",
                "ioctl(4, VFIO_GROUP_SET_CONTAINER, [3]) = 0",
                "ioctl(4, VFIO_GROUP_GET_DEVICE_FD, \"0000:00:03.0\") = 5",
                "pread64(5, \"\\xed\\x00\\x00\\x01\", 4, 0) = 4",
                "eventfd2(0, 0) = 6",
                "read(6, \"\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00\", 8) = 8",
                "\"\\x64\\x65\\x76\\x6d\\x6f\\x64\\x65\\x6c\"",
                "close(3) = 0");
        assertThat(r.err()).as("the refusals the demo expects, in kmod's and stat's words").isEqualTo(
                "rmmod: ERROR: Module vfio is not currently loaded\n"
                + "rmmod: ERROR: Module vfio is in use by: vfio_iommu_type1 vfio_pci\n"
                + "rmmod: ERROR: Module vfio_iommu_type1 is in use\n"
                + "rmmod: ERROR: Module vfio_pci is in use\n"
                + "stat: cannot stat '/dev/vfio/3': No such file or directory\n");
    }

    @Test
    void hostPlatformPrintsTheSysfsFunctionsAndFailsInOneLineWithoutIommuGroups(@TempDir Path sys)
            throws IOException {
        Path function = Files.createDirectories(sys.resolve("bus/pci/devices/0000:00:03.0"));
        Files.writeString(function.resolve("vendor"), "0x1234\n");
        Files.writeString(function.resolve("device"), "0x11e8\n");

        Result without = run("", "host-platform", "--sysfs", sys.toString());
        Files.createSymbolicLink(function.resolve("iommu_group"), Path.of("../../../kernel/iommu_groups/3"));
        Result with = run("", "host-platform", "--sysfs", sys.toString());

        assertThat(without.status()).isEqualTo(1);
        assertThat(without.err()).isEqualTo("devmodel host-platform: 0000:00:03.0 has no IOMMU group: this kernel"
                + " runs without an IOMMU (no /sys/kernel/iommu_groups)\n");
        assertThat(with.status()).isZero();
        assertThat(with.out()).endsWith("\n0000:00:03.0 group=3 model=edu\n");
    }

    @Test
    void hostRunPrintsWhatTheModelRunPrints() {
        assumeTrue(System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64"),
                "--host needs Linux on x86_64");
        String file = "src/test/resources/host/eventfd.scn";
        Result model = run("", "run", file);
        Result host = run("", "--host", "run", file);

        assertThat(model.status()).isZero();
        assertThat(host.out()).isEqualTo(model.out()).endsWith("15 passed, 0 failed\n");
        assertThat(host.err()).isEqualTo(model.err());
        assertThat(host.status()).isZero();
    }

    @Test
    void hostShellStopsNoLineButReportsTheOnesTheHostCannotRun() {
        assumeTrue(System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64"),
                "--host needs Linux on x86_64");
        Result r = run("eventfd e\nread e 8\nuser 1000\nclose e\n", "--host", "--host-wait", "100", "shell");

        assertThat(r.out()).isEqualTo("eventfd2(0, 0) = 3\nclose(3) = 0\n");
        assertThat(r.err()).isEqualTo("-:2:1: the call would block: fd 3 was not ready to read after 100 ms\n"
                + "-:3:1: user: credentials cannot be switched on the host: the script runs in the JVM's own process,"
                + " whose threads all share them\n");
        assertThat(r.status()).isZero();
    }

    @Test
    void anUnknownCommandIsNamedWithTheListOfCommands() {
        Result r = run("", "frob");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("devmodel: unknown command 'frob'\ncommands: run, shell, demo, host-platform,"
                + " modprobe, rmmod,").contains(", state\n").doesNotContain("Unmatched argument");
    }

    @Test
    void aScriptThatCannotBeReadNamesTheReasonNotThePathTwice() {
        Result r = run("", "run", "no/such.scn");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("devmodel: cannot read no/such.scn: No such file or directory\n");
    }

    @Test
    void theShellFromAPipeEndsWithTheCountAndExitsOneWhenAnExpectationFailed() {
        Result r = run("lsmod => \"vfio\"\nlsmod => ok\n", "shell");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).endsWith("1 passed, 1 failed\n");
        assertThat(r.err()).isEqualTo("FAIL -:1: expected \"vfio\", got output without it\n");
    }

    @Test
    void catOfADeviceThatNeverEndsStopsAt64KiBWithANote() {
        Result r = run("", "cat", "/dev/zero");
        assertThat(r.status()).isZero();
        assertThat(r.out()).hasSize(65536).matches("\u0000+");
        assertThat(r.err()).isEqualTo("cat: /dev/zero: stopped after 65536 bytes (devmodel's bound)\n");
    }

    @Test
    void stateShowsTheBootedKernelAsTextOrAsAGraph() {
        Result text = run("", "state");
        assertThat(text.status()).isZero();
        assertThat(text.out()).startsWith("modules (name, refcount, holders):\nchar regions (major:baseminor+count name):\n"
                + "  1:0+256 mem\n  10:0+256 misc\n").contains("  mem: null 1:3, zero 1:5,", "  3: 0000:00:03.0 (no driver)");
        Result dot = run("", "state", "--dot");
        assertThat(dot.out()).startsWith("digraph devmodel {\n").endsWith("}\n");
        Result wrong = run("", "state", "--svg");
        assertThat(wrong.status()).isEqualTo(2);
        assertThat(wrong.err()).isEqualTo("devmodel: state: unknown option --svg\n");
    }

    @Test
    void stateOnPowerListsTheTcesInUseAsTheContainersMappings() {
        Result r = run("""
                modprobe vfio-pci
                bind 0000:00:03.0 vfio-pci
                open container /dev/vfio/vfio
                open group /dev/vfio/3
                ioctl group VFIO_GROUP_SET_CONTAINER @container
                ioctl container VFIO_SET_IOMMU VFIO_SPAPR_TCE_IOMMU
                ioctl container VFIO_IOMMU_ENABLE
                mmap buf 8192
                ioctl container VFIO_IOMMU_MAP_DMA {vaddr=&buf, iova=0x10000, size=0x2000, flags=VFIO_DMA_MAP_FLAG_READ}
                state
                """, "--machine", "power", "shell");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("vfio containers (groups, backend, DMA mappings):\n"
                + "  container 1: backend iommu-vfio-powerpc\n"
                + "    group 3: 0000:00:03.0\n"
                + "    dma 0x10000+0x1000 -> 0x7f0000000000 r-\n"
                + "    dma 0x11000+0x1000 -> 0x7f0000001000 r-\n"
                + "open files (pid, fd, path):\n");
    }

    private static Result run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = Main.run(args, new Main.Terminal(
                    new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), o, e));
        }
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Result(int status, String out, String err) {
    }
}
