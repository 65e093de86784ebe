package org.devmodel.core.internal.module;

/** kmod's module-name rules: {@code -} and {@code _} are the same, shown as {@code _}. */
final class ModuleNames {
    /** {@code MODULE_NAME_LEN}: a request for a longer name is ENAMETOOLONG. */
    static final int MODULE_NAME_LEN = 64;

    private ModuleNames() {
    }

    /**
     * {@return the name as kmod compares and shows it}
     *
     * @param name a module name or alias
     */
    static String normalise(String name) {
        return name.replace('-', '_');
    }
}
