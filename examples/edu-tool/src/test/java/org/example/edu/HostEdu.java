package org.example.edu;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.devmodel.host.HostSyscalls;
import org.devmodel.vfio.client.Container;
import org.devmodel.vfio.client.Userspace;
import org.devmodel.vfio.client.WaitStrategy;

/**
 * This machine's kernel with an edu device (QEMU's {@code 1234:11e8}) bound to vfio-pci, found in
 * sysfs; a test using it is skipped, saying what is missing, where there is none.
 */
final class HostEdu implements EduSide {
    private static final Path PCI_DEVICES = Path.of("/sys/bus/pci/devices");

    private final Userspace process;
    private final String address;
    private final int group;

    private HostEdu(HostSyscalls host, String address, int group) {
        this.process = new Userspace(host, host.memory());
        this.address = address;
        this.group = group;
    }

    /** {@return the host side, or a skipped test} */
    static HostEdu find() {
        assumeTrue(System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64"),
                "the host bridge needs Linux on x86_64");
        assumeTrue(Files.exists(Path.of(Container.PATH)),
                "no " + Container.PATH + " on this machine: vfio is not loaded (modprobe vfio-pci) or there is no IOMMU");
        Optional<Path> edu = eduOnVfio();
        assumeTrue(edu.isPresent(), "no edu device (1234:11e8) bound to vfio-pci in " + PCI_DEVICES);
        Path function = edu.orElseThrow();
        int group = Integer.parseInt(readLink(function.resolve("iommu_group")).getFileName().toString());
        return new HostEdu(HostSyscalls.load(), function.getFileName().toString(), group);
    }

    private static Optional<Path> eduOnVfio() {
        if (!Files.isDirectory(PCI_DEVICES)) {
            return Optional.empty();
        }
        try (Stream<Path> functions = Files.list(PCI_DEVICES)) {
            return functions.filter(f -> read(f.resolve("vendor")).equals("0x1234")
                            && read(f.resolve("device")).equals("0x11e8")
                            && Files.exists(f.resolve("driver"))
                            && readLink(f.resolve("driver")).getFileName().toString().equals("vfio-pci"))
                    .findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static Path readLink(Path link) {
        try {
            return Files.readSymbolicLink(link);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Userspace process() {
        return process;
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public int group() {
        return group;
    }

    /** Real time passes by itself: sleep between reads, and give up after five seconds. */
    @Override
    public WaitStrategy waiting() {
        return WaitStrategy.sleeping(Duration.ofMillis(5), Duration.ofSeconds(5));
    }

    @Override
    public void close() {
        // the test closes its fds and mappings; the process and its kernel stay
    }
}
