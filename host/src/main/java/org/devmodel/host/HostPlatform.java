package org.devmodel.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The machine's PCI functions as a devmodel platform file (the README's format), read from
 * {@code /sys/bus/pci/devices/*}: QEMU's {@code edu} (1234:11e8) becomes {@code model=edu}, left for
 * the model's drivers to bind; every other function becomes {@code model=host} with its ids, class
 * and the driver bound to it.
 */
public final class HostPlatform {
    private static final String EDU_VENDOR = "0x1234";
    private static final String EDU_DEVICE = "0x11e8";

    private HostPlatform() {
    }

    /**
     * Reads a sysfs tree.
     *
     * @param sys where sysfs is mounted, normally {@code /sys}
     * @return the platform text, one function per line in address order, after a comment line
     * @throws IOException with a one-line message when a function has no IOMMU group (the kernel
     *     runs without an IOMMU, or {@code iommu=off}), or when sysfs cannot be read
     */
    public static String fromSysfs(Path sys) throws IOException {
        Path devices = sys.resolve("bus/pci/devices");
        List<Path> functions;
        try (Stream<Path> list = Files.list(devices)) {
            functions = list.sorted().toList();
        }
        StringBuilder text = new StringBuilder("# the PCI functions of ").append(devices).append('\n');
        for (Path function : functions) {
            text.append(line(function)).append('\n');
        }
        return text.toString();
    }

    private static String line(Path function) throws IOException {
        String address = function.getFileName().toString();
        String group = link(function.resolve("iommu_group")).orElseThrow(() -> new IOException(
                address + " has no IOMMU group: this kernel runs without an IOMMU (no /sys/kernel/iommu_groups)"));
        String vendor = attribute(function, "vendor");
        String device = attribute(function, "device");
        if (vendor.equals(EDU_VENDOR) && device.equals(EDU_DEVICE)) {
            return address + " group=" + group + " model=edu";
        }
        return address + " group=" + group + " model=host vendor=" + vendor + " device=" + device
                + " class=" + attribute(function, "class")
                + link(function.resolve("driver")).map(d -> " driver=" + d).orElse("");
    }

    private static String attribute(Path function, String name) throws IOException {
        return Files.readString(function.resolve(name), StandardCharsets.US_ASCII).strip();
    }

    /** The last name of a symlink's target, as {@code basename $(readlink ...)}. */
    private static Optional<String> link(Path link) throws IOException {
        if (!Files.isSymbolicLink(link)) {
            return Optional.empty();
        }
        return Optional.of(Files.readSymbolicLink(link).getFileName().toString());
    }
}
