package org.devmodel.core.module;

import java.util.List;
import java.util.Objects;

/**
 * A loaded module as {@code lsmod} and {@code /proc/modules} see it.
 *
 * @param name the normalised name
 * @param state coming, live or going
 * @param refcount the reference count, including one reference per dependent module (as 3.14's
 *     {@code ref_module} takes), as {@code lsmod} shows it
 * @param holders the loaded modules that depend on it, sorted by name
 * @param size the total size in bytes of its class files
 */
public record LoadedModule(String name, ModuleState state, int refcount, List<String> holders, long size) {
    /** Copies the holders. */
    public LoadedModule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        holders = List.copyOf(holders);
    }
}
