package org.devmodel.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.devmodel.host.HostPlatform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code host-platform}: this machine's PCI functions as a platform file, for {@code --platform}. */
@Command(name = "host-platform", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Prints this machine's PCI functions (/sys/bus/pci/devices) as a platform file.")
final class HostPlatformCommand implements Callable<Integer> {
    @ParentCommand
    private DevmodelCommand top;

    @Option(names = "--sysfs", paramLabel = "DIR", description = "where sysfs is mounted (default: ${DEFAULT-VALUE})")
    private Path sysfs = Path.of("/sys");

    @Override
    public Integer call() {
        try {
            top.terminal().out().print(HostPlatform.fromSysfs(sysfs));
            return 0;
        } catch (IOException e) {
            top.terminal().err().println("devmodel host-platform: " + e.getMessage());
            return 1;
        }
    }
}
