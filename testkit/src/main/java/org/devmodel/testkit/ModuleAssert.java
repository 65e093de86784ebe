package org.devmodel.testkit;

import static org.devmodel.testkit.error.ShouldHaveProperty.shouldHaveModuleProperty;

import org.assertj.core.api.AbstractAssert;
import org.devmodel.core.module.LoadedModule;
import org.devmodel.core.module.ModuleState;

/** Assertions on a loaded module, as {@code lsmod} shows it. */
public final class ModuleAssert extends AbstractAssert<ModuleAssert, LoadedModule> {

    ModuleAssert(LoadedModule actual) {
        super(actual, ModuleAssert.class);
    }

    /**
     * Checks the module is live.
     *
     * @return this assertion
     */
    public ModuleAssert live() {
        isNotNull();
        if (actual.state() != ModuleState.LIVE) {
            throw assertionError(shouldHaveModuleProperty(actual, "state", ModuleState.LIVE, actual.state()));
        }
        return myself;
    }

    /**
     * Checks the reference count {@code lsmod} shows (including one per dependent module).
     *
     * @param refcount the expected count
     * @return this assertion
     */
    public ModuleAssert withRefcount(int refcount) {
        isNotNull();
        if (actual.refcount() != refcount) {
            throw assertionError(shouldHaveModuleProperty(actual, "refcount", refcount, actual.refcount()));
        }
        return myself;
    }
}
