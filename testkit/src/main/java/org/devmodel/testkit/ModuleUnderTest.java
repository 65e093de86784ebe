package org.devmodel.testkit;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.module.KernelModule;
import org.devmodel.core.module.KernelModuleInfo;
import org.devmodel.testkit.internal.LoaderTarget;

/**
 * The kernel module a sweep exercises, and how to get a kernel that knows it: each kernel indexes
 * only this module and what it depends on, so nothing else is loaded behind the test's back.
 *
 * <p>Made by {@link #ofProvider(Class)}, {@link #onModulePath(String)} or
 * {@link #inDirectory(Path, String)}; a driver author rarely implements it.
 */
public interface ModuleUnderTest {

    /**
     * The module a provider class on the module path declares, loaded through the module loader.
     *
     * @param provider the {@link KernelModule} provider, annotated with {@link KernelModuleInfo}
     * @return the module under test
     * @throws IllegalArgumentException when the class has no {@link KernelModuleInfo}
     */
    static ModuleUnderTest ofProvider(Class<? extends KernelModule> provider) {
        KernelModuleInfo info = provider.getAnnotation(KernelModuleInfo.class);
        if (info == null) {
            throw new IllegalArgumentException(provider.getName() + ": no @KernelModuleInfo");
        }
        return new LoaderTarget(info.name(), null, Map.of(), "");
    }

    /**
     * A module on the module path, by name, for a provider whose class the test cannot name (its
     * package is not exported).
     *
     * @param name the module name, in either spelling
     * @return the module under test
     */
    static ModuleUnderTest onModulePath(String name) {
        return new LoaderTarget(name, null, Map.of(), "");
    }

    /**
     * A module in a modules directory, loaded from its jar into a layer of its own.
     *
     * @param modulesDirectory the directory of driver jars
     * @param name the module name, in either spelling
     * @return the module under test
     */
    static ModuleUnderTest inDirectory(Path modulesDirectory, String name) {
        return new LoaderTarget(name, Objects.requireNonNull(modulesDirectory, "modulesDirectory"), Map.of(), "");
    }

    /**
     * {@return the same module loaded with parameters, as {@code modprobe NAME param=value}}
     *
     * @param parameters parameter values by name
     */
    ModuleUnderTest withParameters(Map<String, String> parameters);

    /**
     * {@return the same module in kernels booted with a command line, e.g. {@code pci.machine=power}
     * for a module that only loads on the POWER platform}
     *
     * <p>The default serves only the empty command line, so that targets written before this method
     * keep compiling.
     *
     * @param words the kernel command line, {@code key=value} words separated by blanks
     * @throws UnsupportedOperationException for words this target cannot boot with
     */
    default ModuleUnderTest withCommandLine(String words) {
        if (words.isBlank()) {
            return this;
        }
        throw new UnsupportedOperationException(name() + ": cannot boot with a command line");
    }

    /** {@return the module name as the ledger records its owner ({@code vfio_pci})} */
    String name();

    /**
     * Boots a fresh kernel that indexes the module and its dependencies.
     *
     * @return the kernel; the caller closes it
     * @throws KernelException when the kernel cannot boot
     */
    Kernel boot() throws KernelException;

    /**
     * Loads the module and its dependencies ({@code modprobe}).
     *
     * @param kernel a kernel from {@link #boot()}
     * @throws KernelException the errno of a failing {@code init}
     */
    void load(Kernel kernel) throws KernelException;

    /**
     * Unloads the module ({@code rmmod}).
     *
     * @param kernel the kernel it was loaded into
     * @throws KernelException when it cannot be unloaded
     */
    void unload(Kernel kernel) throws KernelException;
}
