package org.devmodel.cli.seam;

import java.util.Objects;
import org.devmodel.core.Kernel;
import org.devmodel.ioctl.IoctlTable;

/**
 * A booted kernel with everything the CLI needs from it. Closing it closes the kernel.
 *
 * @param kernel the kernel
 * @param ioctls the ioctl descriptions script names are resolved against
 * @param modules the module commands
 * @param pci the PCI binding commands
 */
public record Backend(Kernel kernel, IoctlTable ioctls, ModuleAdmin modules, PciAdmin pci)
        implements AutoCloseable {
    /** Checks the parts are present. */
    public Backend {
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(ioctls, "ioctls");
        Objects.requireNonNull(modules, "modules");
        Objects.requireNonNull(pci, "pci");
    }

    @Override
    public void close() {
        kernel.close();
    }
}
