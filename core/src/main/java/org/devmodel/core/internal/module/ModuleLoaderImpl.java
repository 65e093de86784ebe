package org.devmodel.core.internal.module;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.devmodel.core.Errno;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.KernelOptions;
import org.devmodel.core.fault.LedgerEvent;
import org.devmodel.core.fs.FileType;
import org.devmodel.core.internal.KernelImpl;
import org.devmodel.core.internal.DriverGate;
import org.devmodel.core.internal.WorkQueue;
import org.devmodel.core.internal.fault.Tracker;
import org.devmodel.core.module.KernelModule;
import org.devmodel.core.module.LoadedModule;
import org.devmodel.core.module.ModuleLoader;
import org.devmodel.core.module.ModuleState;

/**
 * The module loader of one kernel: modprobe, rmmod and {@code request_module} over the index. It
 * records in {@link ModuleOwners} which module owns which code.
 *
 * <p>There is no global lock: each module's state and count have their own lock
 * ({@link LiveModule}), and the first request for a module claims it in a concurrent map, so
 * concurrent requests for one module load it once and share the result while loads of different
 * modules run in parallel.
 */
public final class ModuleLoaderImpl implements ModuleLoader, AutoCloseable {
    /** Where depmod's files go. */
    static final String INDEX_DIR = "/lib/modules/" + Kernel.RELEASE + "/";

    private final KernelImpl kernel;
    private final Tracker tracker;
    private final DriverGate gate;
    private final ModuleOwners owners;
    /** Set once by {@link #depmod} at boot, before any code can ask for a module. */
    private volatile ModuleIndex index;
    private final ModuleLayers layers = new ModuleLayers();
    private final WorkQueue worker = new WorkQueue("kworker/modprobe");
    private final Map<String, LiveModule> modules = new ConcurrentHashMap<>();
    private final List<LiveModule> loadOrder = new CopyOnWriteArrayList<>();

    /**
     * Creates the loader; it knows no module until {@link #depmod} runs at boot.
     *
     * @param kernel the kernel being built; nothing of it is used before boot
     * @param tracker runs code as a module and holds the ledger
     * @param gate runs driver code
     * @param owners where loaded modules' code is recorded
     */
    public ModuleLoaderImpl(KernelImpl kernel, Tracker tracker, DriverGate gate, ModuleOwners owners) {
        this.kernel = kernel;
        this.tracker = tracker;
        this.gate = gate;
        this.owners = owners;
    }

    /** {@return the worker of {@link #requestModuleNowait}, which the kernel settles with its other queues} */
    public WorkQueue worker() {
        return worker;
    }

    /**
     * Runs depmod over what the options name, publishes its files and {@code /proc/modules} and
     * creates the static nodes of {@code modules.devname}: they exist before any code can ask for
     * a module.
     */
    public void depmod() {
        KernelOptions options = kernel.options();
        Depmod depmod = new Depmod(kernel.log());
        if (options.bootLayerModules()) {
            depmod.scanBootLayer();
        }
        options.modulesDirectory().ifPresent(depmod::scanDirectory);
        ModuleIndex all = depmod.index();
        index = options.indexedModules().map(all::restrictTo).orElse(all);
        String devnames = DepmodFiles.devnames(index, kernel.log()::warn);
        kernel.vfs().publish(INDEX_DIR + "modules.alias", constant(DepmodFiles.aliases(index)));
        kernel.vfs().publish(INDEX_DIR + "modules.dep", constant(DepmodFiles.dependencies(index)));
        kernel.vfs().publish(INDEX_DIR + "modules.devname", constant(devnames));
        kernel.vfs().publish("/proc/modules", () -> ModuleTexts.procModules(loaded()));
        // kmod static-nodes + systemd-tmpfiles: the nodes exist before any module is loaded.
        for (DepmodFiles.DevnameLine line : DepmodFiles.parseDevnames(devnames,
                bad -> kernel.log().err("static-nodes: invalid line: " + bad))) {
            FileType type = line.type() == 'c' ? FileType.CHAR_DEVICE : FileType.BLOCK_DEVICE;
            kernel.vfs().devtmpfs().createStaticNode(line.devname(), type, line.devt());
        }
    }

    private static Supplier<String> constant(String text) {
        return () -> text;
    }

    // ---- modprobe and request_module

    @Override
    public List<String> modprobe(String nameOrAlias, Map<String, String> parameters) throws KernelException {
        Objects.requireNonNull(parameters, "parameters");
        List<IndexEntry> targets = index.resolve(nameOrAlias);
        if (targets.isEmpty()) {
            throw new KernelException(Errno.ENOENT, "modprobe: FATAL: Module " + nameOrAlias + " not found.");
        }
        List<String> loadedNow = new ArrayList<>();
        for (IndexEntry target : targets) {
            load(target, parameters, loadedNow);
        }
        return List.copyOf(loadedNow);
    }

    @Override
    public int requestModule(String alias) {
        if (alias.length() >= ModuleNames.MODULE_NAME_LEN) {
            return -Errno.ENAMETOOLONG.number();
        }
        try {
            modprobe(alias, Map.of());
            return 0;
        } catch (KernelException e) {
            return KernelImpl.MODPROBE_FAILED;
        }
    }

    @Override
    public void requestModuleNowait(String alias) {
        Objects.requireNonNull(alias, "alias");
        worker.queue(() -> requestModule(alias));
    }

    /**
     * Loads a module unless it is live: a module being loaded is waited for (its result is shared),
     * a module going away is waited for and then loaded afresh.
     */
    private LiveModule load(IndexEntry entry, Map<String, String> parameters, List<String> loadedNow)
            throws KernelException {
        while (true) {
            LiveModule existing = modules.get(entry.name());
            if (existing == null) {
                LiveModule fresh = new LiveModule(entry, new ModuleParametersImpl(entry.info(), parameters));
                if (modules.putIfAbsent(entry.name(), fresh) == null) {
                    initialise(fresh, loadedNow);
                    return fresh;
                }
                continue;
            }
            switch (existing.state()) {
                case LIVE -> {
                    return existing;
                }
                case COMING -> existing.awaitInit();
                case GOING -> existing.awaitRemoved();
            }
        }
    }

    /** Loads the dependencies, defines the code, runs {@code init}; on failure nothing of the module is left. */
    private void initialise(LiveModule module, List<String> loadedNow) throws KernelException {
        long mark = tracker.mark();
        try {
            loadOptional(module.entry().info().softdepPre(), loadedNow);
            List<LiveModule> deps = new ArrayList<>();
            for (IndexEntry dep : index.dependencies(module.entry())) {
                deps.add(load(dep, Map.of(), loadedNow));
            }
            // listed once its dependencies are in, as insmod after modprobe loaded them
            loadOrder.add(module);
            Module code = define(module.entry(), deps);
            module.bind(code, instantiate(module.name(), code), deps, mark);
            owners.add(code, module);
            deps.forEach(d -> d.addHolder(module.name()));
            ModuleSysfs.publish(kernel.vfs(), module);
            runInit(module);
        } catch (KernelException e) {
            module.failed(e);
            remove(module);
            throw e;
        }
        module.live();
        loadedNow.add(module.name());
        loadOptional(module.entry().info().softdepPost(), loadedNow);
    }

    /** Soft dependencies: loaded if present, their failures ignored, as modprobe does. */
    private void loadOptional(List<String> names, List<String> loadedNow) {
        for (String name : names) {
            index.find(name).ifPresent(e -> {
                try {
                    load(e, Map.of(), loadedNow);
                } catch (KernelException ignored) {
                    // a soft dependency is optional by definition
                }
            });
        }
    }

    private Module define(IndexEntry entry, List<LiveModule> deps) throws KernelException {
        if (entry.jar().isEmpty()) {
            return ModuleLayer.boot().findModule(entry.jpmsName()).orElseThrow();
        }
        List<ModuleLayer> parents = deps.stream().map(d -> d.code().getLayer())
                .filter(l -> l != ModuleLayer.boot()).distinct().toList();
        return layers.define(entry.jar().get(), entry.jpmsName(), parents);
    }

    /** Creates a fresh provider instance; its static initialiser and constructor run as the module. */
    private KernelModule instantiate(String name, Module code) throws KernelException {
        return gate.callAs(name, "probe", () -> ServiceLoader.load(code.getLayer(), KernelModule.class).stream()
                .filter(p -> p.type().getModule() == code).findFirst().orElseThrow().get());
    }

    private void runInit(LiveModule module) throws KernelException {
        Context context = new Context(kernel, module, this);
        gate.callAs(module.name(), "init", () -> {
            module.instance().init(context);
            return null;
        });
    }

    // ---- rmmod

    @Override
    public void rmmod(String name) throws KernelException {
        LiveModule module = modules.get(ModuleNames.normalise(name));
        if (module == null) {
            throw new KernelException(Errno.ENOENT, "Module " + ModuleNames.normalise(name) + " is not currently loaded");
        }
        module.beginUnload();
        try {
            gate.callAs(module.name(), "exit", () -> {
                module.instance().exit();
                return null;
            });
        } catch (KernelException e) {
            // already logged; the module goes away all the same, as after a faulting exit
        }
        remove(module);
    }

    /**
     * Takes a going module out of the kernel: warns about what it left registered, drops its
     * sysfs directory, its references on its dependencies, its ownership of code and, with them,
     * the last references to its layer.
     */
    private void remove(LiveModule module) {
        for (LedgerEvent leak : tracker.outstanding(module.name())) {
            if (leak.sequence() >= module.loadMark()) {
                kernel.log().warn(module.name() + ": left " + leak.site() + " (" + leak.resource() + ") registered");
            }
        }
        ModuleSysfs.unpublish(kernel.vfs(), module);
        module.dependencies().forEach(d -> d.removeHolder(module.name()));
        if (module.code() != null) {
            owners.remove(module.code(), module);
        }
        loadOrder.remove(module);
        modules.remove(module.name(), module);
        module.removed();
    }

    // ---- views

    @Override
    public List<LoadedModule> loaded() {
        List<LoadedModule> views = new ArrayList<>(loadOrder.stream().map(LiveModule::view).toList());
        Collections.reverse(views);
        return views;
    }

    @Override
    public Optional<LoadedModule> find(String name) {
        return Optional.ofNullable(modules.get(ModuleNames.normalise(name))).map(LiveModule::view);
    }

    @Override
    public Optional<Module> code(String name) {
        return Optional.ofNullable(modules.get(ModuleNames.normalise(name))).map(LiveModule::code);
    }

    @Override
    public <T> Optional<T> exported(Class<T> api) {
        Objects.requireNonNull(api, "api");
        return loadOrder.stream().filter(m -> m.state() == ModuleState.LIVE)
                .flatMap(m -> m.exported(api).stream()).findFirst();
    }

    @Override
    public List<String> indexed() {
        return index.entries().stream().map(IndexEntry::name).toList();
    }

    @Override
    public String lsmod() {
        return ModuleTexts.lsmod(loaded());
    }

    @Override
    public String modinfo(String nameOrAlias) throws KernelException {
        List<IndexEntry> found = index.resolve(nameOrAlias);
        if (found.isEmpty()) {
            throw new KernelException(Errno.ENOENT, "modinfo: ERROR: Module " + nameOrAlias + " not found.");
        }
        StringBuilder text = new StringBuilder();
        found.forEach(e -> text.append(ModuleTexts.modinfo(e, index.dependencies(e))));
        return text.toString();
    }

    @Override
    public Optional<String> ioctlDescriptions(String module) {
        return index.ioctlDescriptions(module);
    }

    /** Deletes the private copies of module jars; the kernel closes the module-loading worker with its other queues. */
    @Override
    public void close() {
        layers.close();
    }
}
