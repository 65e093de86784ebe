package org.devmodel.cli.seam;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.KernelOptions;
import org.devmodel.core.mem.IoctlTable;
import org.devmodel.core.module.ModuleLoader;
import org.devmodel.pci.Pci;

/**
 * The one place where the CLI is connected to the parts of a kernel that other modules provide.
 * Each method below is a seam an integrator switches when its part lands.
 */
public final class Seams {
    private Seams() {
    }

    /**
     * Boots a kernel and connects the CLI to it.
     *
     * @param options the kernel's options
     * @return the backend; it owns the kernel
     * @throws KernelException if a built-in subsystem fails to start
     * @throws IOException if a module's ioctl descriptions cannot be read
     */
    public static Backend boot(KernelOptions options) throws KernelException, IOException {
        Kernel kernel = Kernel.boot(options);
        try {
            return connect(kernel);
        } catch (IOException | RuntimeException e) {
            kernel.close();
            throw e;
        }
    }

    /**
     * Connects the CLI to a booted kernel.
     *
     * @param kernel the kernel
     * @return the backend; it owns the kernel
     * @throws IOException if a module's ioctl descriptions cannot be read
     */
    public static Backend connect(Kernel kernel) throws IOException {
        PciAdmin pci = kernel.subsystem(Pci.class).<PciAdmin>map(SysfsPciAdmin::new)
                .orElseGet(Unavailable::pciAdmin);
        return new Backend(kernel, ioctlTable(kernel.modules()), new LoaderModuleAdmin(kernel.modules()), pci);
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
}
