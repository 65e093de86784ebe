package org.devmodel.core.internal.module;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.module.KernelModule;
import org.devmodel.core.module.LoadedModule;
import org.devmodel.core.module.ModuleState;

/**
 * {@code struct module} of a module being loaded, loaded or going away: its state, its reference
 * count (one per open file or other user, plus one per dependent module, as {@code ref_module}
 * takes) and its holders. State and count change together under this object's lock, so an
 * {@code rmmod} that finds the count at 0 marks it GOING before any {@code try_module_get} can
 * succeed again.
 */
final class LiveModule {
    private final IndexEntry entry;
    private final ModuleParametersImpl parameters;
    private final TreeSet<String> holders = new TreeSet<>();
    private final CompletableFuture<Void> initialised = new CompletableFuture<>();
    private final CompletableFuture<Void> gone = new CompletableFuture<>();
    private ModuleState state = ModuleState.COMING;
    private int refcount;
    private volatile KernelModule instance;
    private volatile Module code;
    private volatile List<LiveModule> dependencies = List.of();
    private volatile long loadMark = Long.MAX_VALUE;
    /** What its {@code init} exported, by API type ({@code EXPORT_SYMBOL}). */
    private final Map<Class<?>, Object> exports = new ConcurrentHashMap<>();

    LiveModule(IndexEntry entry, ModuleParametersImpl parameters) {
        this.entry = entry;
        this.parameters = parameters;
    }

    IndexEntry entry() {
        return entry;
    }

    String name() {
        return entry.name();
    }

    ModuleParametersImpl parameters() {
        return parameters;
    }

    /**
     * Sets what {@code init} will run on, once its layer is defined.
     *
     * @param jpms the JPMS module whose code it is
     * @param module the fresh provider instance
     * @param deps the loaded modules it depends on
     * @param mark the ledger mark taken before the load, from which its own acquisitions count
     */
    void bind(Module jpms, KernelModule module, List<LiveModule> deps, long mark) {
        this.loadMark = mark;
        this.code = jpms;
        this.instance = module;
        this.dependencies = List.copyOf(deps);
    }

    long loadMark() {
        return loadMark;
    }

    Module code() {
        return code;
    }

    KernelModule instance() {
        return instance;
    }

    List<LiveModule> dependencies() {
        return dependencies;
    }

    /**
     * Publishes an object under an API type; once only per type.
     *
     * @param api the type users look it up by
     * @param object an instance of it
     */
    <T> void export(Class<T> api, T object) {
        if (exports.putIfAbsent(api, api.cast(object)) != null) {
            throw new IllegalStateException(name() + ": " + api.getName() + " already exported");
        }
    }

    /**
     * {@return what this module exported under a type, if anything}
     *
     * @param api the type
     */
    <T> Optional<T> exported(Class<T> api) {
        return Optional.ofNullable(exports.get(api)).map(api::cast);
    }

    /**
     * {@return what this module or, depth first, a module it depends on exported under a type}
     *
     * @param api the type
     */
    <T> Optional<T> exportedByDependency(Class<T> api) {
        for (LiveModule dep : dependencies) {
            Optional<T> found = dep.exported(api).or(() -> dep.exportedByDependency(api));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    synchronized ModuleState state() {
        return state;
    }

    /** {@code try_module_get}: only a live module gives references. */
    synchronized boolean tryGet() {
        if (state != ModuleState.LIVE) {
            return false;
        }
        refcount++;
        return true;
    }

    /** {@code module_put}. */
    synchronized void put() {
        if (refcount <= 0) {
            throw new IllegalStateException("module_put on " + name() + " with no reference");
        }
        refcount--;
    }

    /** {@code ref_module}: a dependent module holds a reference; called while this module is live. */
    synchronized void addHolder(String holder) {
        holders.add(holder);
        refcount++;
    }

    /** Drops the reference of a dependent module that went away. */
    synchronized void removeHolder(String holder) {
        if (holders.remove(holder)) {
            refcount--;
        }
    }

    /** {@code init} succeeded. */
    void live() {
        synchronized (this) {
            state = ModuleState.LIVE;
        }
        initialised.complete(null);
    }

    /** {@code init} failed: the module goes without ever being live. */
    void failed(KernelException cause) {
        synchronized (this) {
            state = ModuleState.GOING;
        }
        initialised.completeExceptionally(cause);
    }

    /**
     * {@code delete_module}'s checks and the switch to GOING, atomically.
     *
     * @throws KernelException EAGAIN with holders or references, EBUSY when not live
     */
    synchronized void beginUnload() throws KernelException {
        if (!holders.isEmpty()) {
            throw new KernelException(Errno.EAGAIN, "Module " + name() + " is in use by: " + String.join(" ", holders));
        }
        if (state != ModuleState.LIVE) {
            throw new KernelException(Errno.EBUSY, "Module " + name() + " is not live");
        }
        if (refcount != 0) {
            throw new KernelException(Errno.EAGAIN, "Module " + name() + " is in use");
        }
        state = ModuleState.GOING;
    }

    /** The module is gone from the kernel: loads waiting for it may start a fresh one. */
    void removed() {
        gone.complete(null);
    }

    /**
     * Waits until {@code init} has finished.
     *
     * @throws KernelException the errno {@code init} failed with
     */
    void awaitInit() throws KernelException {
        try {
            initialised.join();
        } catch (CompletionException e) {
            throw (KernelException) e.getCause();
        }
    }

    /** Waits until a going module is gone. */
    void awaitRemoved() {
        gone.join();
    }

    /** {@return the view {@code lsmod} shows} */
    synchronized LoadedModule view() {
        return new LoadedModule(name(), state, refcount, List.copyOf(holders), entry.size());
    }

    /** {@return the jar, for a module of the modules directory} */
    Optional<Path> jar() {
        return entry.jar();
    }
}
