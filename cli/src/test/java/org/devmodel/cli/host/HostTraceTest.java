package org.devmodel.cli.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.devmodel.cli.admin.BootedKernel;
import org.devmodel.cli.machine.Machine;
import org.devmodel.cli.machine.ModelMachine;
import org.devmodel.cli.run.ScriptRunner;
import org.devmodel.core.Kernel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same scripts on the model and on this machine's kernel: every {@code src/test/resources/host/*.scn}
 * uses only what any Linux machine has ({@code /dev/null}, {@code /dev/zero}, {@code /proc}, eventfd,
 * anonymous memory, admin tools asked about things no kernel has), and its host run must print the
 * model run's trace line by line, the addresses the real {@code mmap} chose aside.
 */
@Timeout(60)
class HostTraceTest {
    private static final Path SCRIPTS = Path.of("src/test/resources/host");
    /** The one thing a host trace may print differently: the address an {@code mmap} returned. */
    private static final Pattern MMAP_ADDRESS = Pattern.compile("^(mmap\\(.*\\)) = 0x[0-9a-f]+$");
    private static final HostMachine.Options OPTIONS = new HostMachine.Options(false, Duration.ofMillis(300));

    static Stream<String> scripts() throws IOException {
        try (Stream<Path> files = Files.list(SCRIPTS)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".scn")).sorted().toList()
                    .stream();
        }
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void theHostPrintsTheModelsTraceLineByLine(String name) throws Exception {
        String text = Files.readString(SCRIPTS.resolve(name));
        Run model = Run.of(model(), name, text);
        Run host = Run.of(host(OPTIONS), name, text);

        assertThat(model.status()).as("the model run of %s:%n%s%s", name, model.stdout(), model.stderr()).isZero();
        assertThat(addressesAside(host.stdout())).as("stdout of %s on the host", name)
                .containsExactlyElementsOf(addressesAside(model.stdout()));
        assertThat(host.stderr()).as("stderr of %s on the host", name).isEqualTo(model.stderr());
        assertThat(host.status()).as("exit status of %s on the host", name).isEqualTo(model.status());
    }

    @Test
    void anAddressTheRealMmapChoseIsShownAndItsExpectationNotChecked() throws Exception {
        Run host = Run.of(host(OPTIONS), "address.scn", "mmap a 4096 => 0x7f0000000000\npeek a 0 1 => x:00\n");

        assertThat(host.stdout()).matches("mmap\\(NULL, 4096, PROT_READ\\|PROT_WRITE, MAP_PRIVATE\\|MAP_ANONYMOUS,"
                + " -1, 0\\) = 0x[0-9a-f]+\n\"\\\\x00\"\n1 passed, 0 failed, 1 not checked\n");
        assertThat(host.stderr()).isEqualTo("NOT CHECKED address.scn:1: expected 0x7f0000000000: the host's mmap"
                + " chose the address\n");
        assertThat(host.status()).isZero();
    }

    @Test
    void aReadThatWouldBlockStopsTheScriptAfterTheWaitNamingItsLine() throws Exception {
        Run host = Run.of(host(OPTIONS), "block.scn", "eventfd e\nread e 8\nclose e\n");

        assertThat(host.stdout()).isEqualTo("eventfd2(0, 0) = 3\n");
        assertThat(host.stderr()).isEqualTo("block.scn:2:1: the call would block: fd 3 was not ready to read"
                + " after 300 ms\n");
        assertThat(host.status()).isEqualTo(ScriptRunner.WRONG);
    }

    @Test
    void switchingCredentialsStopsTheScriptNamingTheLineAndWhy() throws Exception {
        Run host = Run.of(host(OPTIONS), "user.scn", "open n /dev/null\nuser 1000\nclose n\n");

        assertThat(host.stdout()).isEqualTo("open(\"/dev/null\", O_RDWR) = 3\n");
        assertThat(host.stderr()).startsWith("user.scn:2:1: user: credentials cannot be switched on the host");
        assertThat(host.status()).isEqualTo(ScriptRunner.WRONG);
    }

    @Test
    void sleepTakesRealTime() throws Exception {
        long start = System.nanoTime();
        Run host = Run.of(host(OPTIONS), "sleep.scn", "sleep 100ms => ok\n");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(host.status()).isZero();
    }

    @Test
    void theKernelsOwnFdNumbersAreShownWhenAskedFor() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Machine host = host(new HostMachine.Options(true, Duration.ofMillis(300)));
                PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                ScriptRunner runner = new ScriptRunner(host, "real.scn", o, o)) {
            runner.step(runner.parser().parseLine("open n /dev/null", 1).orElseThrow());

            String line = out.toString(StandardCharsets.UTF_8).strip();
            int fd = Integer.parseInt(line.substring(line.lastIndexOf(' ') + 1));
            assertThat(Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd))).as(line).isEqualTo(Path.of("/dev/null"));
        }
    }

    private static Machine model() throws Exception {
        return new ModelMachine(BootedKernel.connect(Kernel.boot()));
    }

    private static Machine host(HostMachine.Options options) throws Exception {
        assumeTrue(System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64"),
                "host mode needs Linux on x86_64 (struct stat's layout)");
        try (Kernel kernel = Kernel.boot()) {
            return HostMachine.connect(BootedKernel.ioctlTable(kernel.modules()), options);
        }
    }

    private static List<String> addressesAside(String stdout) {
        return stdout.lines().map(line -> MMAP_ADDRESS.matcher(line).replaceFirst("$1 = ADDRESS")).toList();
    }

    /** What a script did on a machine. */
    private record Run(int status, String stdout, String stderr) {
        static Run of(Machine machine, String file, String text) throws Exception {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            try (Machine m = machine;
                    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
                    ScriptRunner runner = new ScriptRunner(m, file, o, e)) {
                int status = runner.run(text);
                return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
            }
        }
    }
}
