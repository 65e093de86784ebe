package org.devmodel.core.internal.module;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.devmodel.core.KernelException;
import org.devmodel.core.fault.LedgerEvent;
import org.devmodel.core.internal.ModuleGlue;
import org.devmodel.core.internal.fault.Tracker;

/**
 * Which loaded kernel module owns which code ({@code THIS_MODULE}), and the references on it
 * ({@code try_module_get}/{@code module_put}). The loader adds a module here once its code is
 * defined and removes it when it goes; the rest of the kernel only asks.
 */
public final class ModuleOwners implements ModuleGlue {
    private final Tracker tracker;
    private final Map<Module, LiveModule> owners = new ConcurrentHashMap<>();

    /**
     * @param tracker tells whose code runs on this thread, so a module's own init is not made to wait for itself
     */
    public ModuleOwners(Tracker tracker) {
        this.tracker = tracker;
    }

    void add(Module code, LiveModule module) {
        owners.put(code, module);
    }

    void remove(Module code, LiveModule module) {
        owners.remove(code, module);
    }

    @Override
    public boolean tryGet(Object code) {
        Module jpms = code.getClass().getModule();
        LiveModule owner = owners.get(jpms);
        if (owner == null) {
            // Code of a kernel module that is not loaded (an open that found a cdev just before
            // the module's exit removed it) must not be called: only built-in code gets a reference.
            return !Depmod.providesKernelModule(jpms.getDescriptor());
        }
        // A module still in init is waited for (unless init itself asks), so a first open that
        // finds the cdev its init just added does not fail while that init completes.
        if (!tracker.currentOwner().equals(owner.name())) {
            try {
                owner.awaitInit();
            } catch (KernelException e) {
                return false;
            }
        }
        return owner.tryGet();
    }

    @Override
    public void put(Object code) {
        LiveModule owner = owners.get(code.getClass().getModule());
        if (owner != null) {
            owner.put();
        }
    }

    @Override
    public String ownerName(Object code) {
        LiveModule owner = owners.get(code.getClass().getModule());
        return owner == null ? LedgerEvent.KERNEL : owner.name();
    }
}
