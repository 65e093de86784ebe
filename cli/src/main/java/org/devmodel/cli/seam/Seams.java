package org.devmodel.cli.seam;

import java.io.IOException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolvedModule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.devmodel.core.Kernel;
import org.devmodel.core.mem.IoctlTable;
import org.devmodel.core.module.ModuleLoader;

/**
 * The one place where the CLI is connected to the parts of a kernel that other modules provide.
 * Each method below is a seam an integrator switches when its part lands.
 */
public final class Seams {
    private Seams() {
    }

    /**
     * Connects the CLI to a booted kernel.
     *
     * @param kernel the kernel
     * @param modulesDirectory the {@code --modules} directory, if given
     * @return the backend; it owns the kernel
     * @throws IOException if a module's ioctl descriptions cannot be read
     */
    public static Backend connect(Kernel kernel, Optional<Path> modulesDirectory) throws IOException {
        ModuleAdmin modules = moduleLoader(kernel).<ModuleAdmin>map(LoaderModuleAdmin::new)
                .orElseGet(Unavailable::moduleAdmin);
        return new Backend(kernel, ioctlTable(modulesDirectory), modules, Unavailable.pciAdmin(),
                Unavailable.eventFds());
    }

    /**
     * The module loader. Seam: {@code Kernel} has no {@code modules()} accessor yet; when the loader
     * lands this becomes {@code Optional.of(kernel.modules())}.
     */
    private static Optional<ModuleLoader> moduleLoader(Kernel kernel) {
        return kernel.subsystem(ModuleLoader.class);
    }

    /**
     * The ioctl descriptions of every module on the launch module path and in the modules
     * directory, merged. Seam: once the loader's index offers its merged table, take it from there.
     *
     * @param modulesDirectory the {@code --modules} directory, if given
     * @return the merged table
     * @throws IOException if a module cannot be read
     * @throws IllegalArgumentException if two modules define one name
     */
    public static IoctlTable ioctlTable(Optional<Path> modulesDirectory) throws IOException {
        Stream<ModuleReference> launched = ModuleLayer.boot().configuration().modules().stream()
                .map(ResolvedModule::reference);
        Stream<ModuleReference> dropped = modulesDirectory.stream()
                .flatMap(dir -> ModuleFinder.of(dir).findAll().stream());
        List<IoctlTable> tables = new ArrayList<>();
        for (ModuleReference module : Stream.concat(launched, dropped).filter(Seams::mayShipIoctls).toList()) {
            IoctlTable.fromModule(module).ifPresent(tables::add);
        }
        return tables.isEmpty() ? IoctlTable.empty() : IoctlTable.merge(tables);
    }

    /** The JDK's own modules ship no ioctl descriptions; skipping them keeps start-up quick. */
    private static boolean mayShipIoctls(ModuleReference module) {
        String name = module.descriptor().name();
        return !name.startsWith("java.") && !name.startsWith("jdk.");
    }
}
