package org.devmodel.core.internal.module;

import java.util.Locale;
import org.devmodel.core.fs.Vfs;

/**
 * {@code /sys/module/<name>}: {@code initstate}, {@code refcnt} and one file per parameter under
 * {@code parameters/}, created before {@code init} runs (as {@code mod_sysfs_setup} does) and
 * removed when the module is gone.
 */
final class ModuleSysfs {
    private ModuleSysfs() {
    }

    private static String dir(LiveModule module) {
        return "/sys/module/" + module.name();
    }

    static void publish(Vfs vfs, LiveModule module) {
        String dir = dir(module);
        vfs.publish(dir + "/initstate", () -> module.state().name().toLowerCase(Locale.ROOT) + "\n");
        vfs.publish(dir + "/refcnt", () -> module.view().refcount() + "\n");
        for (String param : module.parameters().all().keySet()) {
            vfs.publish(dir + "/parameters/" + param, () -> module.parameters().text(param) + "\n");
        }
    }

    static void unpublish(Vfs vfs, LiveModule module) {
        String dir = dir(module);
        for (String param : module.parameters().all().keySet()) {
            vfs.unpublish(dir + "/parameters/" + param);
        }
        vfs.unpublish(dir + "/refcnt");
        vfs.unpublish(dir + "/initstate");
    }
}
