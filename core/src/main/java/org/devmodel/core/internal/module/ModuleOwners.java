package org.devmodel.core.internal.module;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.devmodel.core.fault.LedgerEvent;
import org.devmodel.core.internal.ModuleGlue;

/**
 * Which loaded kernel module owns which code ({@code THIS_MODULE}), and the references on it
 * ({@code try_module_get}/{@code module_put}). The loader adds a module here once its code is
 * defined and removes it when it goes; the rest of the kernel only asks.
 */
public final class ModuleOwners implements ModuleGlue {
    private final Map<Module, LiveModule> owners = new ConcurrentHashMap<>();

    /** Creates an empty record: no module owns any code until the loader adds it. */
    public ModuleOwners() {
        // filled by the loader
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
        // never waits: waiting here for a module's init, as a caller holding a lock (misc_mtx, a
        // VFIO group's device lock) would, deadlocks with an init that needs that lock
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
