package org.devmodel.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.devmodel.cli.admin.BootedKernel;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.KernelOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The top command: the options that say how the kernel boots, then a subcommand. */
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

    DevmodelCommand(Main.Terminal terminal) {
        this.terminal = terminal;
    }

    Main.Terminal terminal() {
        return terminal;
    }

    /**
     * Boots a kernel as the options say and connects the CLI to it.
     *
     * @return the booted kernel; close it when done
     * @throws KernelException if a built-in subsystem fails to start
     * @throws IOException if a module's ioctl descriptions cannot be read
     */
    BootedKernel boot() throws KernelException, IOException {
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
        try {
            return BootedKernel.connect(kernel);
        } catch (IOException | RuntimeException e) {
            kernel.close();
            throw e;
        }
    }
}
