package org.devmodel.cli.conform;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.devmodel.cli.run.ScriptRunner;
import org.devmodel.cli.admin.BootedKernel;
import org.devmodel.cli.machine.ModelMachine;
import org.devmodel.core.KernelException;
import org.devmodel.core.KernelOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code conform FILE}: the scenario on the model, then in a QEMU guest running a real kernel with
 * VFIO ({@code devmodel --host run FILE} there), and the two traces side by side. Exit status 0 when
 * nothing but translations and era differences separate them, 1 on any mismatch, 2 when the guest
 * could not run the scenario (or the script is wrong, or the set-up is missing), with the reason.
 */
@Command(name = "conform", mixinStandardHelpOptions = true,
        description = {"Runs a scenario on the model and on a real Linux kernel in a QEMU guest, and prints the two "
                + "traces side by side; exit 0 no mismatch, 1 a mismatch, 2 the guest could not run it.",
            "Set up once with tools/conform-setup."})
public final class ConformCommand implements Callable<Integer> {
    private static final int NO_MISMATCH = 0;
    private static final int MISMATCH = 1;
    private static final int COULD_NOT_RUN = 2;
    /** Start-up options measured to help most under TCG (README, "devmodel conform"). */
    private static final List<String> GUEST_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-XX:-UsePerfData", "-Xshare:auto");

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the scenario script")
    private Path file;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "how long the guest may take (default ${DEFAULT-VALUE})")
    private long timeout;

    @Option(names = "--guest-command", paramLabel = "\"ARGS\"", defaultValue = "--host run", hidden = true,
            description = "what the guest runs before FILE, for checking the set-up: \"run\" runs the model there")
    private String guestCommand;

    /** Creates the command; picocli sets its fields. */
    public ConformCommand() {
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String machine = this.<String>topOption("--machine").orElse("x86");
        if (!machine.equals("x86")) {
            err.println("devmodel conform: --machine " + machine + " is not supported: the guest runs the host's JDK and"
                    + " mods/ over 9p, so it must be an x86_64 guest (a " + machine + " guest would need its own JDK"
                    + " and QEMU system emulator)");
            return COULD_NOT_RUN;
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            err.println("devmodel conform: cannot read " + file + ": " + e.getMessage());
            return COULD_NOT_RUN;
        }
        ModelRun model;
        try (ModelMachine kernel = new ModelMachine(boot())) {
            model = ModelRun.run(kernel, file.toString(), text);
        } catch (KernelException | IOException | IllegalArgumentException e) {
            err.println("devmodel conform: cannot boot the model: " + e.getMessage());
            return COULD_NOT_RUN;
        }
        if (model.status() == ScriptRunner.WRONG) {
            model.trace().forEach(err::println);
            err.println("devmodel conform: the scenario does not run on the model (exit 2)");
            return COULD_NOT_RUN;
        }
        Path cache = ConformSetup.cache(System.getenv());
        GuestResult guest;
        try {
            Optional<ConformSetup> setup = ConformSetup.read(cache);
            if (setup.isEmpty()) {
                err.println("devmodel conform: no guest set-up in " + cache + ": run tools/conform-setup (root installs"
                        + " QEMU and kmod; the Debian package network gives the kernel)");
                return COULD_NOT_RUN;
            }
            guest = new GuestRun(setup.get(), model.functions(), job(model, cache), Duration.ofSeconds(timeout)).run();
        } catch (GuestFailure | IOException e) {
            err.println("devmodel conform: the guest could not run " + file + ": " + e.getMessage());
            return COULD_NOT_RUN;
        }
        return report(model, guest, out, err);
    }

    private int report(ModelRun model, GuestResult guest, PrintWriter out, PrintWriter err) {
        MajorTable majors = MajorTable.of(model.devices(), guest.devices());
        Tables.print(guest.groups(), majors, out);
        Translation translation = new Translation(guest.groups(), majors, AddressTable.of(model.trace(), guest.trace()));
        Eras eras = Eras.shipped();
        List<Row> rows = new Comparison(eras, translation).compare(model.trace(), guest.trace());
        new SideBySide(width()).print(rows, eras, out);
        out.println("guest timeline (s since boot): " + String.join(", ", guest.times()));
        out.flush();
        if (guest.status() == ScriptRunner.WRONG) {
            err.println("devmodel conform: the scenario could not run in the guest (exit 2): " + guest.trace().stream()
                    .reduce((first, second) -> second).orElse("no output"));
            return COULD_NOT_RUN;
        }
        boolean mismatch = rows.stream().anyMatch(row -> row.verdict() == Row.Verdict.MISMATCH)
                || !guest.groups().conflicts().isEmpty();
        return mismatch ? MISMATCH : NO_MISMATCH;
    }

    private GuestRun.Job job(ModelRun model, Path cache) throws InterruptedException {
        String modulePath = Arrays.stream(System.getProperty("jdk.module.path", "mods").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString()).collect(Collectors.joining(File.pathSeparator));
        Path java = ProcessHandle.current().info().command().map(Path::of)
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java"));
        List<String> options = new ArrayList<>(GUEST_JVM);
        options.addAll(new ClassDataArchive(java, modulePath, GUEST_JVM).use(cache, file));
        return new GuestRun.Job(Path.of("").toAbsolutePath(), file.toString(), java, options, modulePath,
                guestCommand, model.loaded());
    }

    /**
     * Boots the model as the top command's options say ({@code --platform}, {@code --modules},
     * {@code --cmdline}; {@code --machine} is x86 here).
     */
    private BootedKernel boot() throws KernelException, IOException {
        String words = this.<String>topOption("--cmdline").orElse("");
        Optional<Path> platform = topOption("--platform");
        if (platform.isPresent()) {
            words = (words + " pci.platform=" + platform.get()).strip();
        }
        KernelOptions.Builder options = KernelOptions.builder().commandLine(words);
        this.<Path>topOption("--modules").ifPresent(options::modulesDirectory);
        return BootedKernel.boot(options.build());
    }

    private <T> Optional<T> topOption(String name) {
        OptionSpec option = spec.parent() == null ? null : spec.parent().findOption(name);
        return option == null ? Optional.empty() : Optional.ofNullable(option.getValue());
    }

    private static int width() {
        try {
            return Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "200"));
        } catch (NumberFormatException e) {
            return 200;
        }
    }
}
