package org.devmodel.cli.machine;

import java.util.List;
import java.util.Optional;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.OpenFile;
import org.devmodel.core.proc.FileRef;
import org.devmodel.core.proc.Task;
import org.devmodel.pci.Pci;
import org.devmodel.pci.PciFunction;
import org.devmodel.vfio.VfioRegistry;

/**
 * What of a model process holds a VFIO device's file. Unbinding a device from its VFIO bus
 * driver waits in {@code vfio_del_group_dev} until every file of the device is released, so while
 * this process holds one (through an fd or a mapping of it) the unbind would wait for the script
 * itself, forever. vfio says which files are open ({@link VfioRegistry#deviceFiles}); the script's
 * process is the only one, so a file none of its fds holds is held by one of its mappings.
 */
final class DeviceFiles {
    private final Kernel kernel;
    private final Task task;

    DeviceFiles(Kernel kernel, Task task) {
        this.kernel = kernel;
        this.task = task;
    }

    /**
     * {@return what of the process still holds a file of the device, e.g. {@code fd 5}; empty when nothing does}
     *
     * @param device the device's name, e.g. {@code 0000:00:03.0}
     */
    Optional<String> holder(String device) {
        List<OpenFile> files = openFiles(device);
        if (files.isEmpty()) {
            return Optional.empty();
        }
        for (int fd : openFds()) {
            if (file(fd).filter(f -> files.stream().anyMatch(g -> g == f)).isPresent()) {
                return Optional.of("fd " + fd);
            }
        }
        return Optional.of("a mapping of it");
    }

    /** The device's open VFIO device files; none while vfio is not loaded or the function does not exist. */
    private List<OpenFile> openFiles(String device) {
        Optional<VfioRegistry> vfio = kernel.modules().exported(VfioRegistry.class);
        Optional<PciFunction> function = kernel.subsystem(Pci.class).flatMap(pci -> pci.function(device));
        return vfio.isPresent() && function.isPresent() ? vfio.get().deviceFiles(function.get().device()) : List.of();
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
