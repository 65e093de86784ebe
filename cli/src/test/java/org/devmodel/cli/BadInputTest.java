package org.devmodel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input the CLI once answered with a stack trace, a wrong message or silence (issue 18): each is
 * now a script error ({@code file:line:column: reason}, exit 2) or a one-line message.
 */
class BadInputTest {


    private static CliRun script(String text) {
        return CliRun.run(text, "run", "-");
    }

    @Test
    void aHugePeekIsAScriptError() {
        CliRun r = script("mmap b 4096\npeek b 0 2147483647\n");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("-:2:10: peek shows at most 1048576 bytes, not 2147483647\n");
    }

    @Test
    void anArgumentLargerThanTheScratchAreaIsAScriptError() {
        CliRun r = script("open c /dev/vfio/vfio\nioctl c 0x3b6a \"" + "x".repeat(20 << 20) + "\"\n");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).endsWith("-:2:1: ioctl: an argument of 20971521 bytes does not fit the runner's 16 MiB"
                + " scratch area\n");
    }

    @Test
    void sleepsTheVirtualClockCannotCountAreScriptErrorsBeforeAnythingRuns() {
        for (String duration : new String[] {"9223372036854775807s", "99999999999999999999s", "9223372036854775807us"}) {
            CliRun r = script("open c /dev/vfio/vfio\nsleep " + duration + "\n");
            assertThat(r.status()).as(duration).isEqualTo(2);
            assertThat(r.out()).as("nothing ran").isEmpty();
            assertThat(r.err()).as(duration).isEqualTo("-:2:7: DURATION " + duration
                    + " is too long: the virtual clock counts at most 9223372036854775807ns (292 years)\n");
        }
    }

    @Test
    void aSleepPastTheClocksEndIsAScriptErrorNamingItsLine() {
        CliRun r = script("sleep 9223372036854775000ns\nsleep 1000ns\n");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("-:2:1: sleep: advance by PT0.000001S: the clock would pass");
    }

    @Test
    void anUnclosedBracketInAStructIsASyntaxError() {
        CliRun r = script("open c /dev/vfio/vfio\nioctl c VFIO_IOMMU_UNMAP_DMA {iova=[ 0x1000, size=4096}\n");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("-:2:36: [ is not closed before }\n");
    }

    @Test
    void anIoctlNumberWiderThan32BitsIsASyntaxError() {
        CliRun r = script("open c /dev/vfio/vfio\nioctl c 0x1ffffffff\n");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("-:2:9: CMD 0x1ffffffff does not fit 32 bits\n");
    }

    @Test
    void anInternalErrorIsOneLineUnlessDebugAsksForTheTrace() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            Main.Terminal terminal = new Main.Terminal(new ByteArrayInputStream(new byte[0]), System.out, e);
            status = Main.internalError(terminal, "run", new IllegalStateException("planted"), false);
            Main.internalError(terminal, "run", new IllegalStateException("planted"), true);
        }
        String[] lines = err.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(status).isEqualTo(Main.INTERNAL_ERROR);
        assertThat(lines[0]).isEqualTo("devmodel: internal error in run: java.lang.IllegalStateException: planted"
                + " (--debug prints the stack trace)");
        assertThat(lines[1]).isEqualTo("devmodel: internal error in run: java.lang.IllegalStateException: planted");
        assertThat(lines[2]).isEqualTo("java.lang.IllegalStateException: planted");
        assertThat(lines[3]).startsWith("\tat ").contains("BadInputTest.anInternalError");
    }

    @Test
    void aPlatformPathWithASpaceIsReadWhole(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("name with space.txt");
        Files.writeString(file, "0000:05:00.0 group=11 model=edu\n");
        CliRun r = CliRun.run("", "--platform", file.toString(), "ls", "/sys/bus/pci/devices");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("0000:05:00.0\n");
    }

    @Test
    void aPlatformFileThatCannotBeReadSaysWhy(@TempDir Path dir) {
        CliRun r = CliRun.run("", "--platform", dir.resolve("missing.txt").toString(), "lsmod");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("devmodel: cannot boot the kernel: pci: cannot read platform "
                + dir.resolve("missing.txt") + ": No such file or directory\n");
    }

    @Test
    void anInitThatDoesNotReturnStopsTheScriptNamingItsLine() {
        CliRun r = CliRun.run("lsmod\nmodprobe fixture_hostile hang_ms=3000\nlsmod\n", "--modules",
                System.getProperty("devmodel.hostile.modules"), "--init-timeout", "0.3", "run", "-");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("-:2:1: modprobe: ERROR: init of fixture_hostile has not returned after 0.3 s\n");
    }
}
