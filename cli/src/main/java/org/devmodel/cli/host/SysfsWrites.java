package org.devmodel.cli.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.devmodel.cli.admin.AdminException;
import org.devmodel.cli.admin.PciAdmin;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.OpenFlags;
import org.devmodel.core.proc.Mman;
import org.devmodel.host.HostSyscalls;

/**
 * The PCI commands as the writes to this machine's {@code /sys/bus/pci} a user makes with
 * {@code echo}, with the shell's words for a failure: {@code bash: PATH: REASON} when the file
 * cannot be opened, {@code bash: echo: write error: REASON} when the write is refused.
 */
final class SysfsWrites implements PciAdmin {
    private static final String DEVICES = "/sys/bus/pci/devices/";
    private static final String DRIVERS = "/sys/bus/pci/drivers/";

    private final HostSyscalls host;

    SysfsWrites(HostSyscalls host) {
        this.host = host;
    }

    @Override
    public void bind(String bdf, String driver) throws AdminException {
        echo(DEVICES + bdf + "/driver_override", driver);
        Optional<String> current = boundDriver(bdf);
        if (current.isPresent()) {
            echo(DRIVERS + current.get() + "/unbind", bdf);
        }
        echo(DRIVERS + driver + "/bind", bdf);
    }

    @Override
    public void unbind(String bdf) throws AdminException {
        Optional<String> current = boundDriver(bdf);
        echo(current.map(d -> DRIVERS + d).orElse(DEVICES + bdf + "/driver") + "/unbind", bdf);
    }

    @Override
    public void newId(String vendor, String device, String driver) throws AdminException {
        echo(DRIVERS + driver + "/new_id", vendor + " " + device);
    }

    /** {@return the name of the driver bound to a function: the last name of its {@code driver} symlink} */
    private static Optional<String> boundDriver(String bdf) {
        Path link = Path.of(DEVICES + bdf + "/driver");
        try {
            return Files.isSymbolicLink(link) ? Optional.of(Files.readSymbolicLink(link).getFileName().toString())
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** {@code echo TEXT > PATH}: one write of the text and a newline. */
    private void echo(String path, String text) throws AdminException {
        int fd;
        try {
            fd = host.open(path, OpenFlags.O_WRONLY);
        } catch (KernelException e) {
            throw new AdminException(e.errno(), "bash: " + path + ": " + e.errno().message());
        }
        try {
            byte[] bytes = (text + "\n").getBytes(StandardCharsets.US_ASCII);
            long buf = host.memory().mmap(Mman.PAGE_SIZE);
            try {
                host.memory().copyToUser(buf, bytes);
                host.write(fd, buf, bytes.length);
            } finally {
                host.memory().munmap(buf, Mman.PAGE_SIZE);
            }
        } catch (KernelException e) {
            throw new AdminException(e.errno(), "bash: echo: write error: " + e.errno().message());
        } finally {
            closeQuietly(fd);
        }
    }

    private void closeQuietly(int fd) {
        try {
            host.close(fd);
        } catch (KernelException e) {
            // The write's outcome is what the shell reports; close of a sysfs file does not fail.
        }
    }
}
