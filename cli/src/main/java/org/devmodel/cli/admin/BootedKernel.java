package org.devmodel.cli.admin;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.devmodel.core.Kernel;
import org.devmodel.core.module.ModuleLoader;
import org.devmodel.ioctl.IoctlTable;
import org.devmodel.pci.Pci;

/**
 * A booted kernel with everything the CLI needs from it: the ioctl descriptions script names
 * resolve against and the admin tools. Closing it closes the kernel.
 *
 * @param kernel the kernel
 * @param ioctls the ioctl descriptions script names are resolved against
 * @param modules the module commands
 * @param pci the PCI binding commands
 */
public record BootedKernel(Kernel kernel, IoctlTable ioctls, ModuleAdmin modules, PciAdmin pci)
        implements AutoCloseable {
    /** Checks the parts are present. */
    public BootedKernel {
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(ioctls, "ioctls");
        Objects.requireNonNull(modules, "modules");
        Objects.requireNonNull(pci, "pci");
    }

    /**
     * Connects the CLI's tools to a booted kernel.
     *
     * @param kernel the kernel; PCI is built in, as the CLI's module path always holds it
     * @return the booted kernel; it owns {@code kernel}
     * @throws IOException if a module's ioctl descriptions cannot be read
     */
    public static BootedKernel connect(Kernel kernel) throws IOException {
        Pci pci = kernel.subsystem(Pci.class)
                .orElseThrow(() -> new IllegalStateException("the kernel has no PCI bus: org.devmodel.pci is missing"));
        return new BootedKernel(kernel, ioctlTable(kernel.modules()), new LoaderModuleAdmin(kernel.modules()),
                new SysfsPciAdmin(pci));
    }

    /**
     * The ioctl descriptions of every module in the kernel's index, loaded or not, merged: names
     * resolve before any module is loaded.
     *
     * @param loader the kernel's module loader
     * @return the merged table
     * @throws IOException if a module's descriptions cannot be read
     * @throws IllegalArgumentException if a description is malformed or two modules define one name
     */
    public static IoctlTable ioctlTable(ModuleLoader loader) throws IOException {
        List<IoctlTable> tables = new ArrayList<>();
        for (String module : loader.indexed()) {
            Optional<String> text = loader.ioctlDescriptions(module);
            if (text.isPresent()) {
                tables.add(IoctlTable.parse(new StringReader(text.get()), module + ":META-INF/devmodel/ioctls"));
            }
        }
        return tables.isEmpty() ? IoctlTable.empty() : IoctlTable.merge(tables);
    }

    @Override
    public void close() {
        kernel.close();
    }
}
