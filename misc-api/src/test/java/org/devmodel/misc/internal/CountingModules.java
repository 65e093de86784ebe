package org.devmodel.misc.internal;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.KernelOptions;
import org.devmodel.core.fault.LedgerEvent;
import org.devmodel.core.internal.KernelImpl;
import org.devmodel.core.internal.ModuleGlue;

/**
 * A stand-in for the module loader's reference counts: counts {@code try_module_get} and
 * {@code module_put} per driver object, and can refuse references as a module going away does.
 * It reaches core's internals (exported to these tests only, see the pom) because references on
 * built-in code are not counted and a loader would need the driver in a jar of its own.
 */
final class CountingModules implements ModuleGlue {
    private final Map<Object, Integer> counts = new ConcurrentHashMap<>();
    private final Set<Object> going = ConcurrentHashMap.newKeySet();

    /**
     * {@return a kernel whose module references this counter answers}
     *
     * @param options its options
     */
    Kernel boot(KernelOptions options) throws KernelException {
        return KernelImpl.boot(options, this);
    }

    /**
     * {@return the references held on a driver object now}
     *
     * @param code the object
     */
    int references(Object code) {
        return counts.getOrDefault(code, 0);
    }

    /**
     * Makes {@code try_module_get} on the object fail, as for a module being unloaded.
     *
     * @param code the object
     */
    void goingAway(Object code) {
        going.add(code);
    }

    @Override
    public boolean tryGet(Object code) {
        if (going.contains(code)) {
            return false;
        }
        counts.merge(code, 1, Integer::sum);
        return true;
    }

    @Override
    public void put(Object code) {
        counts.merge(code, -1, Integer::sum);
    }

    @Override
    public String ownerName(Object code) {
        return LedgerEvent.KERNEL;
    }
}
