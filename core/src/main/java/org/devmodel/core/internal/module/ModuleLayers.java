package org.devmodel.core.internal.module;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ResolutionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;

/**
 * Defines the layer of a module loaded from the modules directory: its jar is first copied into a
 * private working directory (so a jar replaced or still being written later never breaks a loaded
 * module), then resolved with the layers of its dependencies and the boot layer as parents. Nothing
 * here keeps a layer: dropping the module's references drops it.
 */
final class ModuleLayers implements AutoCloseable {
    private final AtomicLong copies = new AtomicLong();
    private Path workDir;

    /**
     * Defines a module's own layer.
     *
     * @param jar the jar in the modules directory
     * @param jpmsName the JPMS module in it
     * @param parents the layers of its dependencies (the boot layer is always a parent)
     * @return the module, defined in a new layer
     * @throws KernelException ENOEXEC when it no longer resolves
     */
    Module define(Path jar, String jpmsName, List<ModuleLayer> parents) throws KernelException {
        Path copy = copy(jar);
        List<ModuleLayer> all = new ArrayList<>(parents);
        all.add(ModuleLayer.boot());
        List<Configuration> configurations = all.stream().map(ModuleLayer::configuration).toList();
        try {
            Configuration cf = Configuration.resolve(ModuleFinder.of(copy), configurations, ModuleFinder.of(),
                    Set.of(jpmsName));
            ModuleLayer layer = ModuleLayer.defineModulesWithOneLoader(cf, all, ModuleLayers.class.getClassLoader())
                    .layer();
            return layer.findModule(jpmsName).orElseThrow();
        } catch (FindException | ResolutionException | LayerInstantiationException e) {
            throw new KernelException(Errno.ENOEXEC, jar.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private synchronized Path copy(Path jar) {
        try {
            if (workDir == null) {
                workDir = Files.createTempDirectory("devmodel-modules");
            }
            Path copy = workDir.resolve(copies.incrementAndGet() + "-" + jar.getFileName());
            return Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + jar, e);
        }
    }

    /** Deletes the private copies. */
    @Override
    public synchronized void close() {
        if (workDir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(workDir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + workDir, e);
        }
    }
}
