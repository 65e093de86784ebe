package org.devmodel.cli.admin;

import java.util.List;
import java.util.Map;
import java.util.Objects;
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
