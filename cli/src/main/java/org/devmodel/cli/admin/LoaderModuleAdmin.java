package org.devmodel.cli.admin;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.module.LoadedModule;
import org.devmodel.core.module.ModuleLoader;

/** The module commands on the kernel's {@link ModuleLoader}, with kmod v16's messages. */
final class LoaderModuleAdmin implements ModuleAdmin {
    private final ModuleLoader loader;

    LoaderModuleAdmin(ModuleLoader loader) {
        this.loader = Objects.requireNonNull(loader, "loader");
    }

    @Override
    public void modprobe(String module, Map<String, String> parameters) throws AdminException {
        try {
            loader.modprobe(module, parameters);
        } catch (KernelException e) {
            throw e.errno() == Errno.ENOENT
                    ? new AdminException(e.errno(), "modprobe: FATAL: Module " + module + " not found.")
                    : new AdminException(e.errno(), "modprobe: ERROR: could not insert '" + kmodName(module) + "': "
                            + e.errno().message());
        }
    }

    @Override
    public void modprobeRemove(String module) throws AdminException {
        String name = kmodName(module);
        if (!loader.indexed().contains(name)) {
            throw new AdminException(Errno.ENOENT, "modprobe: FATAL: Module " + module + " not found.");
        }
        Optional<LoadedModule> loaded = loader.find(name);
        if (loaded.isEmpty()) {
            // without --first-time kmod treats a module that is not loaded as already removed
            return;
        }
        if (loaded.get().refcount() > 0) {
            throw new AdminException(Errno.EBUSY, "modprobe: FATAL: Module " + name + " is in use.");
        }
        try {
            removeWithUnusedDependencies(name);
        } catch (KernelException e) {
            throw new AdminException(e.errno(), "modprobe: ERROR: could not remove '" + name + "': "
                    + e.errno().message());
        }
    }

    /**
     * kmod's {@code rmmod_do_remove_module}: removes a module, then each of its dependencies whose
     * reference count is now 0, recursively; a dependency that cannot go stays, silently.
     */
    private void removeWithUnusedDependencies(String name) throws KernelException {
        List<String> dependencies = loader.loaded().stream().filter(m -> m.holders().contains(name))
                .map(LoadedModule::name).toList();
        loader.rmmod(name);
        for (String dependency : dependencies) {
            if (loader.find(dependency).map(m -> m.refcount() == 0).orElse(false)) {
                removeQuietly(dependency);
            }
        }
    }

    private void removeQuietly(String dependency) {
        try {
            removeWithUnusedDependencies(dependency);
        } catch (KernelException e) {
            // kmod ignores a dependency it could not remove: it stays loaded, as lsmod then shows
        }
    }

    @Override
    public void rmmod(String module) throws AdminException {
        String name = kmodName(module);
        try {
            loader.rmmod(name);
        } catch (KernelException e) {
            throw new AdminException(e.errno(), "rmmod: ERROR: " + rmmodMessage(name, e.errno()));
        }
    }

    /** kmod's rmmod checks in this order before it calls delete_module; its words say which check failed. */
    private String rmmodMessage(String name, Errno errno) {
        if (errno == Errno.ENOENT) {
            return "Module " + name + " is not currently loaded";
        }
        if (errno == Errno.EAGAIN) {
            List<String> holders = loader.find(name).map(LoadedModule::holders).orElse(List.of());
            return holders.isEmpty() ? "Module " + name + " is in use"
                    : "Module " + name + " is in use by: " + String.join(" ", holders);
        }
        return "could not remove '" + name + "': " + errno.message();
    }

    @Override
    public String lsmod() {
        return loader.lsmod();
    }

    @Override
    public String modinfo(String module) throws AdminException {
        try {
            return loader.modinfo(module);
        } catch (KernelException e) {
            throw new AdminException(e.errno(), "modinfo: ERROR: Module " + module + " not found.");
        }
    }

    /** kmod shows module names with underscores: {@code vfio-pci} is {@code vfio_pci}. */
    private static String kmodName(String module) {
        return module.replace('-', '_');
    }
}
