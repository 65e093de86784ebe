package org.devmodel.vfio.internal;

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
 * A stand-in for the module loader's view of who owns which code: vfio's file operations belong to
 * {@code vfio}, and each fixture class to the module it would be in its own jar. It counts
 * {@code try_module_get}/{@code module_put} per module and can refuse references as a module going
 * away does. It reaches core's internals (exported to these tests only, see the pom) because the
 * fixtures share vfio's JPMS module here, where the loader would give each a jar of its own.
 */
final class TestModules implements ModuleGlue {
    private final Map<Class<?>, String> owners = new ConcurrentHashMap<>(Map.of(
            ContainerFops.class, "vfio", GroupFops.class, "vfio", DeviceFops.class, "vfio"));
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();
    private final Set<String> going = ConcurrentHashMap.newKeySet();

    /** {@return a kernel, with default options, whose module references this glue answers} */
    Kernel boot() throws KernelException {
        return KernelImpl.boot(KernelOptions.defaults(), this);
    }

    /**
     * Makes a class's objects belong to a module.
     *
     * @param type the class
     * @param module the module name
     */
    void own(Class<?> type, String module) {
        owners.put(type, module);
    }

    /**
     * {@return the references held on a module now}
     *
     * @param module the module name
     */
    int references(String module) {
        return counts.getOrDefault(module, 0);
    }

    /**
     * Makes {@code try_module_get} on a module fail, as while it unloads.
     *
     * @param module the module name
     */
    void goingAway(String module) {
        going.add(module);
    }

    @Override
    public boolean tryGet(Object code) {
        String owner = ownerName(code);
        if (going.contains(owner)) {
            return false;
        }
        counts.merge(owner, 1, Integer::sum);
        return true;
    }

    @Override
    public void put(Object code) {
        counts.merge(ownerName(code), -1, Integer::sum);
    }

    @Override
    public String ownerName(Object code) {
        return owners.getOrDefault(code.getClass(), LedgerEvent.KERNEL);
    }
}
