package org.devmodel.cli.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.devmodel.cli.run.ScriptRunner;
import org.devmodel.host.HostSyscalls;
import org.devmodel.host.Rlimit;
import org.devmodel.ioctl.IoctlTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What only the host does: real files for the admin commands, real limits, writes that would block. */
@Timeout(60)
class HostMachineTest {
    private static final HostMachine.Options OPTIONS = new HostMachine.Options(false, Duration.ofMillis(200));

    @Test
    void catLsAndStatShowTheRealFiles(@TempDir Path dir) throws Exception {
        String text = "0123456789abcdef\n".repeat(10_000);
        Files.writeString(dir.resolve("big"), text);
        Files.writeString(dir.resolve("a"), "");
        Files.createDirectory(dir.resolve("C"));

        assertThat(run("cat " + dir.resolve("big") + "\n").stdout()).as("read to the end, page after page")
                .isEqualTo(text);
        assertThat(run("ls " + dir + "\n").stdout()).as("the C locale's order").isEqualTo("C\na\nbig\n");
        assertThat(run("stat " + dir.resolve("big") + "\n").stdout())
                .contains("  Size: " + text.length() + " ", "regular file");
    }

    @Test
    void ulimitSetsTheRealSoftLimitOfMemlock() throws Exception {
        HostSyscalls host = HostSyscalls.load();
        Rlimit before = host.getrlimit(Rlimit.RLIMIT_MEMLOCK);
        assumeTrue(before.maximum() == Rlimit.RLIM_INFINITY || Long.compareUnsigned(before.maximum(), 65536) >= 0,
                "the hard RLIMIT_MEMLOCK is below 64 KiB");
        try {
            Run r = run("ulimit -l 64 => ok\n");

            assertThat(r.status()).isZero();
            assertThat(host.getrlimit(Rlimit.RLIMIT_MEMLOCK)).isEqualTo(new Rlimit(65536, before.maximum()));
        } finally {
            host.setrlimit(Rlimit.RLIMIT_MEMLOCK, before);
        }
    }

    @Test
    void aWriteThatWouldBlockStopsTheScriptWhereTheModelAnswersEagain() throws Exception {
        Run r = run("eventfd e\nwrite e u64:0xfffffffffffffffe => 8\nwrite e u64:1\n");

        assertThat(r.stdout()).isEqualTo("eventfd2(0, 0) = 3\n"
                + "write(3, \"\\xfe\\xff\\xff\\xff\\xff\\xff\\xff\\xff\", 8) = 8\n");
        assertThat(r.stderr()).isEqualTo("-:3:1: the call would block: fd 3 was not ready to write after 200 ms\n");
        assertThat(r.status()).isEqualTo(ScriptRunner.WRONG);
    }

    @Test
    void anFdAnIoctlMakesIsTheScriptsNumberedAsTheModelNumbersIt() throws Exception {
        assumeTrue(Files.exists(Path.of("/dev/ptmx")), "no /dev/ptmx: TIOCGPTPEER needs a pty master");
        // TIOCSPTLCK with a pointer to 0 unlocks the pty; TIOCGPTPEER (Linux 4.13) then opens its
        // peer: a new fd, as VFIO_GROUP_GET_DEVICE_FD makes one.
        Run r = run("open m /dev/ptmx\nmmap zero 4096\nioctl m 0x40045431 &zero => 0\n"
                + "ioctl m 0x5441 0x102 as peer => 4\nclose peer => 0\nclose peer => EBADF\n");

        assertThat(r.stdout().lines().toList()).contains("ioctl(3, 0x5441, 0x102) = 4", "close(4) = 0",
                "close(4) = -1 EBADF (Bad file descriptor)", "4 passed, 0 failed");
        assertThat(r.status()).isZero();
    }

    private static Run run(String script) throws Exception {
        assumeTrue(System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64"),
                "host mode needs Linux on x86_64 (struct stat's layout)");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (HostMachine host = HostMachine.connect(IoctlTable.empty(), OPTIONS);
                PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
                ScriptRunner runner = new ScriptRunner(host, "-", o, e)) {
            int status = runner.run(script);
            return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    private record Run(int status, String stdout, String stderr) {
    }
}
