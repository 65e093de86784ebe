package org.devmodel.core.internal.module;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.lang.module.ResolutionException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.devmodel.core.log.KernelLog;
import org.devmodel.core.module.KernelModule;
import org.devmodel.core.module.KernelModuleInfo;

/**
 * depmod: finds every {@link KernelModule} provider in the boot layer and in a modules directory
 * and reads its {@link KernelModuleInfo} without running any of its code (classes are loaded, never
 * initialised, and nothing is instantiated). A jar or module that breaks a rule is refused alone,
 * with a warning naming it; the rest is indexed.
 */
final class Depmod {
    private static final String SERVICE = KernelModule.class.getName();

    private final KernelLog log;
    private final List<IndexEntry> entries = new ArrayList<>();
    private final Map<String, String> origins = new LinkedHashMap<>();

    /**
     * @param log receives a warning per refused module
     */
    Depmod(KernelLog log) {
        this.log = log;
    }

    /** Why a module is refused; the message names the rule it breaks. */
    private static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /**
     * Indexes the providers of the boot layer, in module-name order.
     *
     * @return this
     */
    Depmod scanBootLayer() {
        BootLayer.SCANNED.forEach(this::accept);
        return this;
    }

    /**
     * The boot layer's providers, read once per JVM: the boot layer is fixed when the JVM starts, so
     * what it holds is a fact about the JVM, not state of any kernel. Each kernel still checks and
     * logs the result into its own index.
     */
    private static final class BootLayer {
        static final List<Scanned> SCANNED = scan();

        private static List<Scanned> scan() {
            ModuleLayer boot = ModuleLayer.boot();
            return boot.modules().stream()
                    .filter(m -> providesKernelModule(m.getDescriptor()))
                    .sorted((a, b) -> a.getName().compareTo(b.getName()))
                    .map(m -> scanned("boot/" + m.getName(), () -> entry(m, "boot/" + m.getName(), Optional.empty(),
                            boot.configuration().findModule(m.getName()).orElseThrow().reference())))
                    .toList();
        }
    }

    /**
     * Indexes the jars of a modules directory, in file-name order, each found through a finder of its
     * own so a broken jar is refused alone.
     *
     * @param directory the directory
     * @return this
     */
    Depmod scanDirectory(Path directory) {
        Map<String, ModuleReference> candidates = new LinkedHashMap<>();
        for (Path jar : jars(directory)) {
            try {
                ModuleReference ref = single(jar);
                String jpms = ref.descriptor().name();
                if (candidates.containsKey(jpms) || bootIndexed(jpms)) {
                    throw new Refused("duplicate JPMS module " + jpms);
                }
                if (providesKernelModule(ref.descriptor())) {
                    candidates.put(jpms, ref);
                } else {
                    log.warn("depmod: " + jar.getFileName() + ": module " + jpms + " provides no KernelModule; ignored");
                }
            } catch (Refused e) {
                refuse(jar.getFileName().toString(), e.getMessage());
            }
        }
        ModuleFinder all = finder(candidates);
        Optional<ModuleLayer> together = throwawayLayer(all, candidates.keySet());
        for (ModuleReference ref : candidates.values()) {
            Path jar = Path.of(ref.location().orElseThrow());
            String file = jar.getFileName().toString();
            String name = ref.descriptor().name();
            add(file, () -> entry(together.isPresent() ? together.get().findModule(name).orElseThrow()
                    : throwawayModule(all, name), file, Optional.of(jar), ref));
        }
        return this;
    }

    /** A finder of the references already read, so no jar's descriptor is read twice. */
    private static ModuleFinder finder(Map<String, ModuleReference> references) {
        Set<ModuleReference> all = Set.copyOf(references.values());
        return new ModuleFinder() {
            @Override
            public Optional<ModuleReference> find(String name) {
                return Optional.ofNullable(references.get(name));
            }

            @Override
            public Set<ModuleReference> findAll() {
                return all;
            }
        };
    }

    /**
     * Defines every candidate in one throwaway layer, a class loader each, only to read their provider
     * classes: one resolution instead of one per jar. Empty when they do not resolve together; then
     * each is resolved alone, so a broken jar is refused alone.
     */
    private static Optional<ModuleLayer> throwawayLayer(ModuleFinder finder, Set<String> names) {
        try {
            ModuleLayer boot = ModuleLayer.boot();
            Configuration cf = boot.configuration().resolve(finder, ModuleFinder.of(), names);
            return Optional.of(boot.defineModulesWithManyLoaders(cf, Depmod.class.getClassLoader()));
        } catch (FindException | ResolutionException | LayerInstantiationException e) {
            return Optional.empty();
        }
    }

    /** {@return the index of every accepted module, in scan order} */
    ModuleIndex index() {
        return new ModuleIndex(entries);
    }

    private boolean bootIndexed(String jpms) {
        return entries.stream().anyMatch(e -> e.jpmsName().equals(jpms));
    }

    @FunctionalInterface
    private interface Scan {
        IndexEntry run() throws Refused;
    }

    /** What reading one module gave: its entry, or why it is refused. */
    private record Scanned(String origin, IndexEntry entry, String refusal) {
    }

    private static Scanned scanned(String origin, Scan scan) {
        try {
            return new Scanned(origin, scan.run(), null);
        } catch (Refused e) {
            return new Scanned(origin, null, e.getMessage());
        }
    }

    private void add(String origin, Scan scan) {
        accept(scanned(origin, scan));
    }

    private void accept(Scanned scanned) {
        if (scanned.entry() == null) {
            refuse(scanned.origin(), scanned.refusal());
            return;
        }
        IndexEntry entry = scanned.entry();
        String earlier = origins.putIfAbsent(entry.name(), scanned.origin());
        if (earlier != null) {
            refuse(scanned.origin(), "duplicate module name " + entry.name() + " (already in " + earlier + ")");
            return;
        }
        entries.add(entry);
        log.debug("depmod: " + entry.name() + " from " + scanned.origin());
    }

    private void refuse(String origin, String why) {
        log.warn("depmod: " + origin + ": " + why + "; refused");
    }

    private static List<Path> jars(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("depmod: cannot list " + directory, e);
        }
    }

    private static ModuleReference single(Path jar) throws Refused {
        try {
            Set<ModuleReference> refs = ModuleFinder.of(jar).findAll();
            if (refs.size() != 1) {
                throw new Refused("not a module jar");
            }
            return refs.iterator().next();
        } catch (FindException e) {
            throw new Refused("not a valid module: " + e.getMessage());
        }
    }

    /**
     * {@return whether a JPMS module provides a kernel module}
     *
     * @param descriptor its descriptor, null for an unnamed module
     */
    static boolean providesKernelModule(ModuleDescriptor descriptor) {
        return descriptor != null && !providers(descriptor).isEmpty();
    }

    private static List<String> providers(ModuleDescriptor descriptor) {
        return descriptor.provides().stream().filter(p -> p.service().equals(SERVICE))
                .flatMap(p -> p.providers().stream()).toList();
    }

    /** Defines the module in a layer of its own, only to read its provider class; the layer is then dropped. */
    private static Module throwawayModule(ModuleFinder finder, String name) throws Refused {
        try {
            ModuleLayer boot = ModuleLayer.boot();
            Configuration cf = boot.configuration().resolve(finder, ModuleFinder.of(), Set.of(name));
            return boot.defineModulesWithOneLoader(cf, Depmod.class.getClassLoader()).findModule(name).orElseThrow();
        } catch (FindException | ResolutionException | LayerInstantiationException e) {
            throw new Refused("cannot be resolved: " + e.getMessage());
        }
    }

    private static IndexEntry entry(Module module, String path, Optional<Path> jar, ModuleReference ref)
            throws Refused {
        List<String> providers = providers(ref.descriptor());
        if (providers.size() != 1) {
            throw new Refused("module " + module.getName() + " provides " + providers.size()
                    + " KernelModule providers; one is allowed");
        }
        String className = providers.get(0);
        ModInfo info = readInfo(module, className);
        List<String> requires = ref.descriptor().requires().stream().map(ModuleDescriptor.Requires::name).toList();
        try (ModuleReader reader = ref.open()) {
            Optional<String> ioctls = reader.read(IndexEntry.IOCTLS_RESOURCE)
                    .map(b -> StandardCharsets.UTF_8.decode(b).toString());
            return new IndexEntry(info, module.getName(), className, path, jar, requires, classBytes(reader),
                    ioctls.isPresent() ? ioctls : uapiDescriptions(module));
        } catch (IOException e) {
            throw new Refused("cannot be read: " + e);
        }
    }

    /**
     * {@return the ioctl descriptions of a kernel module whose jar has none: those of its UAPI module,
     * the first module (by name) it {@code requires transitive} that is no kernel module and carries
     * the resource, as {@code vfio} re-exports {@code org.devmodel.vfio.uapi}} Reading a resource
     * outside any package runs no code of either module.
     */
    private static Optional<String> uapiDescriptions(Module module) throws IOException {
        List<String> uapis = module.getDescriptor().requires().stream()
                .filter(r -> r.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE))
                .map(ModuleDescriptor.Requires::name).sorted().toList();
        for (String name : uapis) {
            Optional<Module> uapi = module.getLayer().findModule(name);
            if (uapi.isEmpty() || providesKernelModule(uapi.get().getDescriptor())) {
                continue;
            }
            try (InputStream in = uapi.get().getResourceAsStream(IndexEntry.IOCTLS_RESOURCE)) {
                if (in != null) {
                    return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return Optional.empty();
    }

    /** Loads the provider class without initialising it and checks the provider rules of {@link KernelModule}. */
    private static ModInfo readInfo(Module module, String className) throws Refused {
        Class<?> type = Class.forName(module, className);
        if (type == null) {
            throw new Refused("provider " + className + " not found");
        }
        for (Method m : type.getDeclaredMethods()) {
            if (m.getName().equals("provider") && m.getParameterCount() == 0 && Modifier.isStatic(m.getModifiers())) {
                throw new Refused("provider " + className
                        + " declares a provider() factory method, whose module cannot be read without running code");
            }
        }
        if (Modifier.isAbstract(type.getModifiers()) || !Modifier.isPublic(type.getModifiers())
                || !hasPublicNoArgConstructor(type)) {
            throw new Refused("provider " + className + " is not a concrete class with a public no-argument constructor");
        }
        KernelModuleInfo info = type.getAnnotation(KernelModuleInfo.class);
        if (info == null) {
            throw new Refused("provider " + className + " has no @KernelModuleInfo");
        }
        for (String alias : info.aliases()) {
            String problem = AliasPattern.problem(alias);
            if (problem != null) {
                throw new Refused("provider " + className + ": malformed " + problem);
            }
        }
        if (info.name().isEmpty() || info.name().length() >= ModuleNames.MODULE_NAME_LEN) {
            throw new Refused("provider " + className + ": module name '" + info.name() + "' is empty or too long");
        }
        return ModInfo.of(info);
    }

    private static boolean hasPublicNoArgConstructor(Class<?> type) {
        try {
            type.getConstructor();
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static long classBytes(ModuleReader reader) throws IOException {
        long total = 0;
        for (String name : reader.list().filter(n -> n.endsWith(".class")).toList()) {
            try (InputStream in = reader.open(name).orElseThrow()) {
                total += in.transferTo(OutputStream.nullOutputStream());
            }
        }
        return total;
    }
}
