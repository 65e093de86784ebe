package org.devmodel.testkit.internal;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.KernelOptions;
import org.devmodel.testkit.ModuleUnderTest;

/** A module loaded by the kernel's module loader, from the boot layer or a modules directory. */
public final class LoaderTarget implements ModuleUnderTest {
    private final String name;
    private final Path modulesDirectory;
    private final Map<String, String> parameters;
    private final String commandLine;

    /**
     * @param name the module name, in either spelling
     * @param modulesDirectory the directory of driver jars, or null for the module path
     * @param parameters parameter values to load it with
     * @param commandLine the kernel command line each kernel boots with
     */
    public LoaderTarget(String name, Path modulesDirectory, Map<String, String> parameters, String commandLine) {
        this.name = name.replace('-', '_');
        this.modulesDirectory = modulesDirectory;
        this.parameters = Map.copyOf(parameters);
        this.commandLine = commandLine;
    }

    @Override
    public ModuleUnderTest withParameters(Map<String, String> more) {
        return new LoaderTarget(name, modulesDirectory, more, commandLine);
    }

    @Override
    public ModuleUnderTest withCommandLine(String words) {
        return new LoaderTarget(name, modulesDirectory, parameters, words);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Kernel boot() throws KernelException {
        KernelOptions.Builder options = KernelOptions.builder().commandLine(commandLine).indexedModules(Set.of(name));
        if (modulesDirectory != null) {
            options.modulesDirectory(modulesDirectory);
        }
        Kernel kernel = Kernel.boot(options.build());
        try {
            // dependencies load before any baseline snapshot: their state is no leak of the module under test
            for (String dependency : dependencies(kernel)) {
                kernel.modules().modprobe(dependency, Map.of());
            }
            // a dependency's init may ask for this module without waiting (vfio asks for type1): let that
            // load finish, then unload it, so every case starts with the module not loaded
            kernel.settle();
            if (kernel.modules().find(name).isPresent()) {
                unload(kernel);
            }
        } catch (KernelException | RuntimeException e) {
            kernel.close();
            throw e;
        }
        return kernel;
    }

    /** {@return the modules the target depends on, from the {@code depends:} line of its modinfo} */
    private List<String> dependencies(Kernel kernel) throws KernelException {
        return kernel.modules().modinfo(name).lines()
                .filter(line -> line.startsWith("depends:"))
                .flatMap(line -> Arrays.stream(line.substring("depends:".length()).trim().split(",")))
                .filter(dependency -> !dependency.isEmpty())
                .toList();
    }

    @Override
    public void load(Kernel kernel) throws KernelException {
        kernel.modules().modprobe(name, parameters);
    }

    @Override
    public void unload(Kernel kernel) throws KernelException {
        kernel.modules().rmmod(name);
    }

    @Override
    public String toString() {
        return name + (modulesDirectory == null ? "" : " in " + modulesDirectory) + (parameters.isEmpty() ? ""
                : " " + parameters) + (commandLine.isEmpty() ? "" : " booted with " + commandLine);
    }
}
