package org.devmodel.core.internal.module;

import org.devmodel.core.Kernel;
import org.devmodel.core.module.ModuleContext;
import org.devmodel.core.module.ModuleLoader;
import org.devmodel.core.module.ModuleParameters;

/** The {@link ModuleContext} a module's {@code init} gets. */
record Context(Kernel kernel, String name, ModuleParameters parameters, ModuleLoader loader) implements ModuleContext {

    @Override
    public int requestModule(String alias) {
        return loader.requestModule(alias);
    }

    @Override
    public void requestModuleNowait(String alias) {
        loader.requestModuleNowait(alias);
    }
}
