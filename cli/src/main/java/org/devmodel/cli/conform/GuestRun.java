package org.devmodel.cli.conform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One boot of the guest for one scenario. The result directory, shared with the guest over 9p,
 * receives the second-stage init ({@code stage2.sh}, run by the initramfs's first stage), its
 * settings ({@code guest.env}) and the functions whose groups to read ({@code groups.request});
 * the guest writes its answers there and powers off. QEMU runs under {@code nice}: it competes
 * with builds for the same cores.
 *
 * @param setup what the set-up installed
 * @param functions the platform to mirror
 * @param job what the guest runs
 * @param timeout how long the guest may take before it is stopped
 */
record GuestRun(ConformSetup setup, List<PlatformFunction> functions, Job job, Duration timeout) {
    private static final int TAIL = 15;

    /**
     * Boots the guest, runs the scenario there and reads back the result.
     *
     * @return the result
     * @throws GuestFailure when the guest could not run the scenario, saying why
     * @throws IOException if the result directory cannot be written or read
     * @throws InterruptedException if interrupted while waiting for QEMU
     */
    GuestResult run() throws GuestFailure, IOException, InterruptedException {
        Path out = Files.createTempDirectory("devmodel-conform-");
        try {
            prepare(out);
            List<String> command = new ArrayList<>(List.of("nice", "-n", "10", setup.qemu().toString()));
            command.addAll(QemuMachine.arguments(setup, functions, out));
            Process qemu = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(out.resolve("qemu.log").toFile()).start();
            // A user's Ctrl-C ends the JVM, which would leave QEMU running without its result directory.
            Thread stopGuest = new Thread(qemu::destroyForcibly);
            Runtime.getRuntime().addShutdownHook(stopGuest);
            try {
                if (!qemu.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                    qemu.destroyForcibly().waitFor();
                    throw new GuestFailure("the guest did not finish in " + timeout.toSeconds()
                            + " s; its console ended:\n" + tail(out.resolve("console.log")));
                }
            } finally {
                removeHook(stopGuest);
            }
            return collect(out, qemu.exitValue());
        } finally {
            delete(out);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already exiting: the hook stops QEMU.
        }
    }

    private void prepare(Path out) throws IOException {
        try (InputStream stage2 = GuestRun.class.getResourceAsStream("stage2.sh")) {
            if (stage2 == null) {
                throw new IllegalStateException("missing resource stage2.sh");
            }
            Files.copy(stage2, out.resolve("stage2"));
        }
        Files.writeString(out.resolve("guest.env"), job.environment(setup));
        StringBuilder request = new StringBuilder();
        for (PlatformFunction function : functions) {
            request.append(function.group()).append(' ').append(function.address()).append('\n');
        }
        Files.writeString(out.resolve("groups.request"), request);
    }

    private static GuestResult collect(Path out, int qemuStatus) throws GuestFailure, IOException {
        Path failure = out.resolve("failure");
        if (Files.exists(failure)) {
            throw new GuestFailure(Files.readString(failure).strip());
        }
        Path status = out.resolve("status");
        if (!Files.exists(status)) {
            throw new GuestFailure("the guest stopped before the scenario ended (QEMU exit status " + qemuStatus
                    + "); QEMU said:\n" + tail(out.resolve("qemu.log")) + "\nits console ended:\n"
                    + tail(out.resolve("console.log")));
        }
        return new GuestResult(lines(out.resolve("trace")), Integer.parseInt(Files.readString(status).strip()),
                GroupTable.parse(lines(out.resolve("groups"))), lines(out.resolve("devices")), lines(out.resolve("times")));
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
    }

    private static String tail(Path file) throws IOException {
        List<String> lines = lines(file);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL), lines.size()));
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /**
     * What the guest runs: {@code cd CWD && JAVA OPTIONS --module-path MODULES -m
     * org.devmodel.cli/org.devmodel.cli.Main COMMAND SCRIPT}, with the host's JDK and module path at
     * their host paths; the main class is named since tests run from exploded module directories,
     * which carry no ModuleMainClass.
     *
     * @param directory the working directory, as the host's
     * @param script the script as named on the command line (relative to the directory or absolute)
     * @param java the host's {@code java}
     * @param options the JVM's options
     * @param modulePath the host's module path, absolute
     * @param command the CLI's arguments before the script, e.g. {@code --host run}
     * @param loadAfter the modules loaded after the run, so {@code /proc/devices} names their majors
     */
    record Job(Path directory, String script, Path java, List<String> options, String modulePath, String command,
            List<String> loadAfter) {
        /**
         * {@return {@code guest.env}: the settings as shell assignments}
         *
         * @param setup the set-up, for the guest kernel's modules
         */
        String environment(ConformSetup setup) {
            return "KVER=" + quote(setup.release()) + "\n"
                    + "MODULES=" + quote(setup.modules().toString()) + "\n"
                    + "CWD=" + quote(directory.toString()) + "\n"
                    + "SCRIPT=" + quote(script) + "\n"
                    + "JAVA=" + quote(java.toString()) + "\n"
                    + "JAVA_OPTS=" + quote(String.join(" ", options)) + "\n"
                    + "MODPATH=" + quote(modulePath) + "\n"
                    + "COMMAND=" + quote(command) + "\n"
                    + "LOAD_AFTER=" + quote(String.join(" ", loadAfter)) + "\n";
        }

        private static String quote(String value) {
            return "'" + value.replace("'", "'\\''") + "'";
        }
    }
}
