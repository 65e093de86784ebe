package org.devmodel.core;

/**
 * A subsystem built into the kernel, such as misc or the PCI bus, started at boot like an
 * {@code initcall}. The kernel finds its providers with {@link java.util.ServiceLoader} in the boot
 * layer and creates one instance per kernel, so an instance may keep that kernel's state in fields.
 *
 * <p>Providers are concrete public classes with a public no-argument constructor. A subsystem's
 * exported API is an interface its provider class implements; drivers reach it with
 * {@link Kernel#subsystem(Class)}.
 */
public interface BuiltinSubsystem {
    /** {@code core_initcall}. */
    int CORE = 1;
    /** {@code subsys_initcall}. */
    int SUBSYS = 4;
    /** {@code fs_initcall}. */
    int FS = 5;
    /** {@code device_initcall}. */
    int DEVICE = 6;

    /** {@return the subsystem name, for the log} */
    String name();

    /** {@return the initcall level: lower levels start first, ties by name} */
    int initLevel();

    /**
     * Starts the subsystem in a kernel being booted.
     *
     * @param kernel the kernel
     * @throws KernelException when it cannot start; the boot fails
     */
    void init(Kernel kernel) throws KernelException;
}
