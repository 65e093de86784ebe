package org.devmodel.cli.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.OpenFile;
import org.devmodel.core.proc.FileRef;
import org.devmodel.core.proc.Task;

/**
 * The VFIO device files the script's process was given, by device name, and what of the process
 * still holds them. Unbinding a device from its VFIO bus driver waits in {@code vfio_del_group_dev}
 * until every file of the device is released, so while this process holds one (through an fd or a
 * mapping of it) the unbind would wait for the script itself, forever.
 */
final class DeviceFiles {
    /** The ioctl that turns a device name into a device fd. */
    static final String GET_DEVICE_FD = "VFIO_GROUP_GET_DEVICE_FD";

    private final Kernel kernel;
    private final Task task;
    private final Map<String, List<OpenFile>> byDevice = new HashMap<>();
    private final List<OpenFile> mapped = new ArrayList<>();

    DeviceFiles(Kernel kernel, Task task) {
        this.kernel = kernel;
        this.task = task;
    }

    /**
     * Notes the file behind an fd {@value #GET_DEVICE_FD} returned.
     *
     * @param device the device's name, e.g. {@code 0000:00:03.0}
     * @param fd the new fd
     */
    void gave(String device, int fd) {
        file(fd).ifPresent(file -> byDevice.computeIfAbsent(device, d -> new ArrayList<>()).add(file));
    }

    /**
     * Notes that an fd's file is mapped: the mapping holds it until the process exits.
     *
     * @param fd the mapped fd
     */
    void mapped(int fd) {
        file(fd).ifPresent(mapped::add);
    }

    /**
     * {@return what of this process still holds a file of the device, e.g. {@code fd 5}; empty when nothing does}
     *
     * @param device the device's name
     */
    Optional<String> holder(String device) {
        List<OpenFile> files = byDevice.getOrDefault(device, List.of());
        for (int fd : openFds()) {
            if (file(fd).filter(f -> files.stream().anyMatch(g -> g == f)).isPresent()) {
                return Optional.of("fd " + fd);
            }
        }
        return files.stream().anyMatch(f -> mapped.stream().anyMatch(m -> m == f))
                ? Optional.of("a mapping of it") : Optional.empty();
    }

    /** The process's fds, from the kernel's snapshot: entries {@code pid P fd N PATH}. */
    private List<Integer> openFds() {
        String prefix = "pid " + task.pid() + " fd ";
        return kernel.snapshot().section("fds").stream().filter(e -> e.startsWith(prefix))
                .map(e -> Integer.parseInt(e.substring(prefix.length(), e.indexOf(' ', prefix.length()))))
                .toList();
    }

    private Optional<OpenFile> file(int fd) {
        try (FileRef ref = task.fdget(fd)) {
            return Optional.of(ref.file());
        } catch (KernelException e) {
            return Optional.empty();
        }
    }
}
