package org.devmodel.core.internal.module;

import org.devmodel.core.Kernel;
import org.devmodel.core.module.ModuleContext;
import org.devmodel.core.module.ModuleLoader;
import org.devmodel.core.module.ModuleParameters;

/** The {@link ModuleContext} a module's {@code init} gets. */
record Context(Kernel kernel, LiveModule module, ModuleLoader loader) implements ModuleContext {

    @Override
    public String name() {
        return module.name();
    }

    @Override
    public ModuleParameters parameters() {
        return module.parameters();
    }

    @Override
    public int requestModule(String alias) {
        return loader.requestModule(alias);
    }

    @Override
    public void requestModuleNowait(String alias) {
        loader.requestModuleNowait(alias);
    }

    @Override
    public <T> void export(Class<T> api, T object) {
        module.export(api, object);
    }

    @Override
    public <T> T dependency(Class<T> api) {
        return module.exportedByDependency(api).orElseThrow(() -> new IllegalStateException(
                module.name() + ": no module it depends on exports " + api.getName()));
    }
}
