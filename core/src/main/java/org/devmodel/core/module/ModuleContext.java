package org.devmodel.core.module;

import org.devmodel.core.Kernel;
import org.devmodel.core.log.KernelLog;

/**
 * What a module's {@code init} gets: its kernel, its name and parameters, module requests, and the
 * objects exported between modules.
 */
public interface ModuleContext {

    /** {@return the kernel the module is loaded into} */
    Kernel kernel();

    /** {@return the module's name, normalised ({@code vfio_pci})} */
    String name();

    /** {@return the module's parameters} */
    ModuleParameters parameters();

    /** {@return the kernel log} */
    default KernelLog log() {
        return kernel().log();
    }

    /** {@return a fresh unwind scope for {@code init}} */
    default Unwind unwind() {
        return new Unwind(log(), name());
    }

    /**
     * {@code request_module}: loads the modules an alias resolves to and waits. From {@code init},
     * never wait for a module that depends on this one: it waits for this very {@code init}, as in the
     * kernel; ask with {@link #requestModuleNowait} instead, as {@code vfio_init} does.
     *
     * @param alias a module name or alias
     * @return 0 on success, above 0 when modprobe failed (256), below 0 for an errno
     */
    int requestModule(String alias);

    /**
     * {@code request_module_nowait}: queues the load on the kernel's module-loading worker and
     * returns at once; {@code Kernel.settle()} waits for it. Failures are silent, as {@code modprobe -q}.
     *
     * @param alias a module name or alias
     */
    void requestModuleNowait(String alias);

    /**
     * {@code EXPORT_SYMBOL}: publishes an object of this module's API for the modules that depend on
     * it ({@link #dependency}) and for {@link ModuleLoader#exported}. Called from {@code init}; the
     * object is visible once the module is live and goes with the module.
     *
     * @param api the exported type users look it up by, e.g. the registry interface
     * @param object the live instance
     * @param <T> the type
     * @throws IllegalStateException when this module already exported something under {@code api}
     */
    <T> void export(Class<T> api, T object);

    /**
     * Resolves a symbol of a module this one depends on, as the kernel resolves another module's
     * exported symbols at load time: the object that one of the modules this module's JPMS module
     * {@code requires} (directly, or through them) exported under {@code api} from its {@code init}.
     *
     * @param api the exported type
     * @param <T> the type
     * @return the live instance
     * @throws IllegalStateException when no module this one depends on exported one
     */
    <T> T dependency(Class<T> api);
}
