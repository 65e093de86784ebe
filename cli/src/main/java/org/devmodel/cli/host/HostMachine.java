package org.devmodel.cli.host;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.devmodel.cli.admin.AdminException;
import org.devmodel.cli.admin.ModuleAdmin;
import org.devmodel.cli.admin.PciAdmin;
import org.devmodel.cli.machine.CannotRunException;
import org.devmodel.cli.machine.FileTree;
import org.devmodel.cli.machine.Machine;
import org.devmodel.cli.machine.ScriptProcess;
import org.devmodel.host.HostSyscalls;
import org.devmodel.ioctl.IoctlTable;

/**
 * This machine's real kernel ({@code --host}): system calls through {@link HostSyscalls} in the
 * JVM's own process, module commands through kmod's tools, PCI commands as sysfs writes,
 * {@code ls}, {@code cat} and {@code stat} on the real files, {@code dmesg} the real tool.
 * Addresses are the ones the real {@code mmap} chooses; time is real time.
 */
public final class HostMachine implements Machine {
    private final HostSyscalls host;
    private final IoctlTable ioctls;
    private final Options options;
    private final KmodTools modules = new KmodTools();
    private final SysfsWrites pci;
    private final HostFiles files;

    private HostMachine(HostSyscalls host, IoctlTable ioctls, Options options) {
        this.host = host;
        this.ioctls = ioctls;
        this.options = options;
        this.pci = new SysfsWrites(host);
        this.files = new HostFiles(host);
    }

    /**
     * Binds libc and connects the CLI to this machine's kernel.
     *
     * @param ioctls the ioctl descriptions script names resolve against, as on the model
     * @param options how the process numbers its fds and how long it waits
     * @return the machine
     * @throws UnsatisfiedLinkError when libc or jffi's native stub cannot be loaded
     */
    public static HostMachine connect(IoctlTable ioctls, Options options) {
        return new HostMachine(HostSyscalls.load(), Objects.requireNonNull(ioctls, "ioctls"),
                Objects.requireNonNull(options, "options"));
    }

    @Override
    public IoctlTable ioctls() {
        return ioctls;
    }

    @Override
    public ModuleAdmin modules() {
        return modules;
    }

    @Override
    public PciAdmin pci() {
        return pci;
    }

    @Override
    public FileTree files() {
        return files;
    }

    @Override
    public String dmesg() throws AdminException {
        return Tool.output(List.of("dmesg"));
    }

    @Override
    public String state(boolean dot) throws CannotRunException {
        throw new CannotRunException("state: lists a model kernel's objects; this machine's kernel shows its own in"
                + " /sys and /proc");
    }

    @Override
    public Instant now() {
        return Instant.now();
    }

    /** The real kernel does its deferred work on its own time; nothing to wait for here. */
    @Override
    public void settle() {
    }

    @Override
    public boolean placesMappingsByRule() {
        return false;
    }

    @Override
    public ScriptProcess spawn() {
        return new HostProcess(host, options.kernelFdNumbers(), options.waitLimit());
    }

    /** The fds and mappings belong to the processes, which close them. */
    @Override
    public void close() {
    }

    /**
     * How the host runs scripts.
     *
     * @param kernelFdNumbers show the kernel's fd numbers instead of renumbering them as the model does
     * @param waitLimit how long a call that would block may wait before the script stops
     */
    public record Options(boolean kernelFdNumbers, Duration waitLimit) {
        /** The default wait: a device answers a command in far less. */
        public static final Duration DEFAULT_WAIT = Duration.ofSeconds(2);

        /** Checks the wait is positive. */
        public Options {
            if (waitLimit.isNegative() || waitLimit.isZero()) {
                throw new IllegalArgumentException("wait limit not positive: " + waitLimit);
            }
        }
    }
}
