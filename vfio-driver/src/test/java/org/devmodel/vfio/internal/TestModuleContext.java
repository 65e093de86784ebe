package org.devmodel.vfio.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.devmodel.core.Kernel;
import org.devmodel.core.module.ModuleContext;
import org.devmodel.core.module.ModuleParameters;

/**
 * What the module loader hands {@code init}, made by hand until the loader exists: the kernel, the
 * name {@code vfio}, no parameters; module requests are recorded, not served.
 */
final class TestModuleContext implements ModuleContext {
    private final Kernel kernel;
    private final List<String> requestedNowait = new CopyOnWriteArrayList<>();
    private final Map<Class<?>, Object> exports = new ConcurrentHashMap<>();

    TestModuleContext(Kernel kernel) {
        this.kernel = kernel;
    }

    /** {@return the aliases asked for with {@code request_module_nowait}, in order} */
    List<String> requestedNowait() {
        return List.copyOf(requestedNowait);
    }

    @Override
    public Kernel kernel() {
        return kernel;
    }

    @Override
    public String name() {
        return "vfio";
    }

    @Override
    public ModuleParameters parameters() {
        return new ModuleParameters() {
            @Override
            public boolean bool(String name) {
                throw undeclared(name);
            }

            @Override
            public long integer(String name) {
                throw undeclared(name);
            }

            @Override
            public String text(String name) {
                throw undeclared(name);
            }

            @Override
            public Map<String, String> all() {
                return Map.of();
            }
        };
    }

    private static IllegalArgumentException undeclared(String name) {
        return new IllegalArgumentException("vfio: no parameter " + name);
    }

    @Override
    public int requestModule(String alias) {
        return kernel.requestModule(alias);
    }

    @Override
    public void requestModuleNowait(String alias) {
        requestedNowait.add(alias);
    }

    /**
     * {@return what the last {@code init} exported under a type}
     *
     * @param api the type
     */
    Object exported(Class<?> api) {
        return exports.get(api);
    }

    @Override
    public <T> void export(Class<T> api, T object) {
        exports.put(api, object);
    }

    @Override
    public <T> T dependency(Class<T> api) {
        throw new IllegalStateException("vfio: depends on no module exporting " + api.getName());
    }
}
