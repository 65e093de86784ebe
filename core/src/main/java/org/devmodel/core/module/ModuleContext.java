package org.devmodel.core.module;

import org.devmodel.core.Kernel;
import org.devmodel.core.log.KernelLog;

/** What a module's {@code init} gets: its kernel, its name and parameters, and module requests. */
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
        return new Unwind();
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
}
