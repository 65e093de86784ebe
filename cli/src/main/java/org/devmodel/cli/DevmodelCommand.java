package org.devmodel.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.devmodel.cli.admin.BootedKernel;
import org.devmodel.cli.host.HostMachine;
import org.devmodel.cli.machine.Machine;
import org.devmodel.cli.machine.ModelMachine;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.KernelOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The top command: the options that say which kernel scripts run on and how it boots, then a subcommand. */
@Command(name = "devmodel", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Boots a model Linux v3.14 kernel and runs scenario scripts against it.",
        subcommands = {RunCommand.class, ShellCommand.class, DemoCommand.class, HostPlatformCommand.class},
        synopsisSubcommandLabel = "COMMAND")
final class DevmodelCommand {
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
            words = words + " pci.platform=" + platform;
        }
        if (machine != null) {
            words = words + " pci.machine=" + machine;
        }
        words = words.strip();
        KernelOptions.Builder options = KernelOptions.builder().commandLine(words);
        if (modules != null) {
            options.modulesDirectory(modules);
        }
        Kernel kernel = Kernel.boot(options.build());
        if (host) {
            try (kernel) {
                return HostMachine.connect(BootedKernel.ioctlTable(kernel.modules()),
                        new HostMachine.Options(realFds, Duration.ofMillis(hostWaitMillis)));
            }
        }
        try {
            return new ModelMachine(BootedKernel.connect(kernel));
        } catch (IOException | RuntimeException e) {
            kernel.close();
            throw e;
        }
    }
}
