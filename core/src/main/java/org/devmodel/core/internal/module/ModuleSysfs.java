package org.devmodel.core.internal.module;

import java.util.Locale;
import org.devmodel.core.fs.Vfs;

/**
 * {@code /sys/module/<name>}: {@code initstate}, {@code refcnt}, {@code version} (only for a module
 * that declares {@code MODULE_VERSION}), one file per parameter under {@code parameters/}, and
 * {@code holders/} with one entry per module that uses it. Created before {@code init} runs, as
 * {@code mod_sysfs_setup} does, and removed when the module is gone, as {@code mod_sysfs_teardown}.
 *
 * <p>A holder entry is a symlink to the holder's directory in Linux; the VFS has no symlinks, so
 * here it is a text file holding the holder's name, like the PCI core's {@code driver} file.
 */
final class ModuleSysfs {
    private ModuleSysfs() {
    }

    private static String dir(String name) {
        return "/sys/module/" + name;
    }

    private static String holdersDir(String name) {
        return dir(name) + "/holders";
    }

    /** {@code mod_sysfs_setup}; the module's dependencies are already bound. */
    static void publish(Vfs vfs, LiveModule module) {
        String dir = dir(module.name());
        vfs.publishDirectory(holdersDir(module.name()));
        for (String param : module.parameters().all().keySet()) {
            vfs.publish(dir + "/parameters/" + param, () -> module.parameters().text(param) + "\n");
        }
        // module_add_modinfo_attrs: modinfo_version_exists leaves out a version nobody declared
        String version = module.entry().info().version();
        if (!version.isEmpty()) {
            vfs.publish(dir + "/version", () -> version + "\n");
        }
        vfs.publish(dir + "/initstate", () -> module.state().name().toLowerCase(Locale.ROOT) + "\n");
        vfs.publish(dir + "/refcnt", () -> module.view().refcount() + "\n");
        // add_usage_links: each module this one uses lists it under its holders/
        for (LiveModule target : module.dependencies()) {
            vfs.publish(holdersDir(target.name()) + "/" + module.name(), () -> module.name() + "\n");
        }
    }

    /** {@code mod_sysfs_teardown}: the reverse of {@link #publish}; paths never published are skipped. */
    static void unpublish(Vfs vfs, LiveModule module) {
        String dir = dir(module.name());
        for (LiveModule target : module.dependencies()) {
            vfs.unpublish(holdersDir(target.name()) + "/" + module.name());
        }
        vfs.unpublish(dir + "/refcnt");
        vfs.unpublish(dir + "/initstate");
        vfs.unpublish(dir + "/version");
        for (String param : module.parameters().all().keySet()) {
            vfs.unpublish(dir + "/parameters/" + param);
        }
        vfs.unpublish(holdersDir(module.name()));
    }
}
