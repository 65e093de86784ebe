package org.devmodel.cli.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which PCI function a VFIO device fd of this process stands for, as the kernel's
 * {@code /proc/self/fdinfo} says: {@code vfio-device-syspath: /sys/devices/pci0000:00/0000:00:03.0}
 * (Linux 6.8 and later); earlier kernels do not say.
 */
final class VfioDeviceFds {
    private static final String SYSPATH = "vfio-device-syspath:";

    private VfioDeviceFds() {
    }

    /**
     * {@return the function's address, e.g. {@code 0000:00:03.0}; empty for another kind of fd, or
     * where the kernel does not say}
     *
     * @param kernelFd the kernel's number of an fd of this process
     */
    static Optional<String> device(int kernelFd) {
        try {
            return Files.readAllLines(Path.of("/proc/self/fdinfo/" + kernelFd), StandardCharsets.US_ASCII).stream()
                    .filter(line -> line.startsWith(SYSPATH))
                    .map(line -> Path.of(line.substring(SYSPATH.length()).strip()).getFileName().toString())
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
