package org.devmodel.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.devmodel.cli.admin.BootedKernel;
import org.devmodel.cli.conform.ConformCommand;
import org.devmodel.cli.host.HostMachine;
import org.devmodel.cli.machine.Machine;
import org.devmodel.cli.machine.ModelMachine;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.KernelOptions;
import org.devmodel.core.log.LogLevel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The top command: the options that say which kernel scripts run on and how it boots, then a subcommand. */
@Command(name = "devmodel", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Boots a model Linux v3.14 kernel and runs scenario scripts against it.",
        subcommands = {RunCommand.class, ShellCommand.class, DemoCommand.class, HostPlatformCommand.class,
            ConformCommand.class},
        synopsisSubcommandLabel = "COMMAND")
final class DevmodelCommand {
    /** The option that makes an internal error print its stack trace; {@link Main} reads it. */
    static final String DEBUG = "--debug";

    private final Main.Terminal terminal;

    @Option(names = "--modules", paramLabel = "DIR", description = "a modules directory of driver jars")
    private Path modules;

    @Option(names = "--platform", paramLabel = "FILE",
            description = "a platform file instead of the embedded default (sets pci.platform)")
    private Path platform;

    @Option(names = "--machine", paramLabel = "NAME",
            description = "an embedded platform by machine: x86 (the default) or power (sets pci.machine)")
    private String machine;

    @Option(names = "--cmdline", paramLabel = "\"k=v ...\"", description = "more kernel command line")
    private String cmdline = "";

    @Option(names = "--init-timeout", paramLabel = "SECONDS",
            description = "how long modprobe waits for a module's init (default ${DEFAULT-VALUE})")
    private double initTimeout = KernelOptions.DEFAULT_INIT_SECONDS;

    @Option(names = DEBUG, description = "print the Java stack trace of an internal error")
    private boolean debug;

    @Option(names = "--host", description = "run on this machine's kernel instead of a model one (names still"
            + " resolve against the model's module index)")
    private boolean host;

    @Option(names = "--real-fds", description = "with --host: show the kernel's fd numbers, not the model's")
    private boolean realFds;

    @Option(names = "--host-wait", paramLabel = "MS", description = "with --host: how long a call that would block"
            + " may wait before the script stops (default: ${DEFAULT-VALUE})")
    private long hostWaitMillis = HostMachine.Options.DEFAULT_WAIT.toMillis();

    DevmodelCommand(Main.Terminal terminal) {
        this.terminal = terminal;
    }

    Main.Terminal terminal() {
        return terminal;
    }

    /**
     * Starts the machine scripts run on: a model kernel booted as the options say, or with
     * {@code --host} this machine's kernel, whose script names resolve against the ioctl
     * descriptions of a model kernel booted with the same options only to index its modules.
     *
     * @return the machine; close it when done
     * @throws KernelException if a built-in subsystem fails to start
     * @throws IOException if a module's ioctl descriptions cannot be read
     * @throws UnsatisfiedLinkError with {@code --host}, when libc cannot be bound
     */
    Machine boot() throws KernelException, IOException {
        String words = cmdline;
        if (platform != null) {
            words = words + " pci.platform=" + quoted(platform);
        }
        if (machine != null) {
            words = words + " pci.machine=" + machine;
        }
        words = words.strip();
        KernelOptions.Builder options = KernelOptions.builder().commandLine(words)
                .moduleInitTimeout(Duration.ofMillis(Math.round(initTimeout * 1000)));
        if (modules != null) {
            options.modulesDirectory(modules);
        }
        if (host) {
            try (Kernel kernel = Kernel.boot(options.build())) {
                showDepmodWarnings(kernel);
                return HostMachine.connect(BootedKernel.ioctlTable(kernel.modules()),
                        new HostMachine.Options(realFds, Duration.ofMillis(hostWaitMillis)));
            }
        }
        BootedKernel booted = BootedKernel.boot(options.build());
        showDepmodWarnings(booted.kernel());
        return new ModelMachine(booted);
    }

    /** The platform path as a command-line value: quoted, as {@code next_arg} reads spaces in quotes. */
    private static String quoted(Path platform) {
        String path = platform.toString();
        if (path.indexOf('"') >= 0) {
            throw new IllegalArgumentException("--platform " + path + ": a path with a double quote cannot go on the"
                    + " kernel command line");
        }
        return '"' + path + '"';
    }

    /**
     * Prints on stderr what depmod refused or ignored in the modules directory (a jar without a
     * module, a bad alias, a devname without major and minor), which would otherwise show only in
     * {@code dmesg}.
     */
    private void showDepmodWarnings(Kernel kernel) {
        if (modules == null) {
            return;
        }
        kernel.log().records().stream()
                .filter(r -> r.level().compareTo(LogLevel.WARNING) <= 0 && r.text().startsWith("depmod: "))
                .forEach(r -> terminal.err().println(r.text()));
    }
}
