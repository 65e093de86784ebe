package org.devmodel.core.internal.module;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ResolutionException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;

/**
 * Defines the layer of a module loaded from the modules directory: its jar is first copied into a
 * private working directory (so a jar replaced or still being written later never breaks a loaded
 * module), then resolved with the layers of its dependencies and the boot layer as parents. Nothing
 * here keeps a layer: dropping the module's references drops it.
 *
 * <p>Each copy keeps the jar's file name in a numbered directory of its own, since an automatic
 * module's name comes from the file name. A copy is deleted when its module is discarded; the
 * working directory goes when the loader closes, or when the JVM exits (a shutdown hook, so SIGTERM
 * leaves nothing behind either).
 */
final class ModuleLayers implements AutoCloseable {
    private final AtomicLong copies = new AtomicLong();
    private final Map<Module, Path> copyOf = new ConcurrentHashMap<>();
    private Path workDir;
    private Thread cleanup;

    /**
     * Defines a module's own layer.
     *
     * @param jar the jar in the modules directory
     * @param jpmsName the JPMS module in it
     * @param parents the layers of its dependencies (the boot layer is always a parent)
     * @return the module, defined in a new layer
     * @throws KernelException ENOENT when the jar cannot be copied (it was deleted after boot),
     *     ENOEXEC when it no longer resolves
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
            Module module = layer.findModule(jpmsName).orElseThrow();
            copyOf.put(module, copy.getParent());
            return module;
        } catch (FindException | ResolutionException | LayerInstantiationException e) {
            delete(copy.getParent());
            throw new KernelException(Errno.ENOEXEC, jar.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private synchronized Path copy(Path jar) throws KernelException {
        try {
            if (workDir == null) {
                workDir = Files.createTempDirectory("devmodel-modules");
                Path dir = workDir;
                cleanup = new Thread(() -> delete(dir), "devmodel-modules cleanup");
                Runtime.getRuntime().addShutdownHook(cleanup);
            }
            Path dir = Files.createDirectory(workDir.resolve(Long.toString(copies.incrementAndGet())));
            return Files.copy(jar, dir.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new KernelException(Errno.ENOENT, "cannot copy " + jar + ": " + e, e);
        }
    }

    /**
     * Deletes the copy a module was defined from; its layer is gone (or going) with the module.
     *
     * @param module a module {@link #define} returned
     */
    void discard(Module module) {
        Path dir = copyOf.remove(module);
        if (dir != null) {
            delete(dir);
        }
    }

    /** Deletes the private copies. */
    @Override
    public synchronized void close() {
        if (workDir == null) {
            return;
        }
        delete(workDir);
        copyOf.clear();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException e) {
            // the JVM is shutting down and the hook runs (or ran) anyway
        }
    }

    private static void delete(Path tree) {
        try (Stream<Path> files = Files.walk(tree)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (NoSuchFileException e) {
            // already gone
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + tree, e);
        }
    }
}
