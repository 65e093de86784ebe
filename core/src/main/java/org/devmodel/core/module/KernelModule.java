package org.devmodel.core.module;

import org.devmodel.core.KernelException;

/**
 * A loadable kernel module: the one service the module loader discovers with
 * {@link java.util.ServiceLoader}. A JPMS module provides at most one.
 *
 * <p><b>Provider requirements</b>, checked when the index is built: the provider is a concrete
 * public class with a public no-argument constructor, annotated with {@link KernelModuleInfo}
 * (read without instantiating it or running its static initializer). A {@code provider()} factory
 * method is refused, since its class could not be read without running code.
 *
 * <p>The loader creates a fresh instance for every load, so a module keeps its state in fields.
 * {@code init} and {@code exit} run as the module: every acquisition they make through the kernel
 * is recorded as theirs, and a failing {@code init} must release what it acquired, in reverse order,
 * before it throws (see {@link Unwind}). An IOMMU backend or a bus driver is a kernel module whose
 * {@code init} registers its operations with the subsystem it plugs into and whose {@code exit}
 * unregisters them.
 */
public interface KernelModule {

    /**
     * {@code module_init}: acquires and registers what the module serves.
     *
     * @param context the kernel and the module's parameters
     * @throws KernelException when it cannot load; everything acquired so far must be released first
     */
    void init(ModuleContext context) throws KernelException;

    /** {@code module_exit}: releases everything {@code init} acquired, in reverse order. */
    void exit();
}
