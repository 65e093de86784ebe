package org.example.hello;

import java.util.Map;
import org.devmodel.core.Kernel;
import org.devmodel.core.module.ModuleContext;
import org.devmodel.core.module.ModuleParameters;

/**
 * What the module loader hands {@code init}, made by hand until the loader exists: the kernel, the
 * name {@code hello} and no parameters; module requests go straight to the kernel.
 */
final class TestModuleContext implements ModuleContext {
    private final Kernel kernel;

    TestModuleContext(Kernel kernel) {
        this.kernel = kernel;
    }

    @Override
    public Kernel kernel() {
        return kernel;
    }

    @Override
    public String name() {
        return "hello";
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
        return new IllegalArgumentException("hello: no parameter " + name);
    }

    @Override
    public int requestModule(String alias) {
        return kernel.requestModule(alias);
    }

    @Override
    public void requestModuleNowait(String alias) {
        kernel.requestModule(alias);
    }
}
