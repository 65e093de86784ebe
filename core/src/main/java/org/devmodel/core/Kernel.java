package org.devmodel.core;

import java.util.Optional;
import org.devmodel.core.chrdev.CharDevices;
import org.devmodel.core.device.DeviceModel;
import org.devmodel.core.fault.FaultInjector;
import org.devmodel.core.fault.Ledger;
import org.devmodel.core.fault.ResourceTracker;
import org.devmodel.core.fs.Vfs;
import org.devmodel.core.internal.KernelImpl;
import org.devmodel.core.log.KernelLog;
import org.devmodel.core.log.VirtualClock;
import org.devmodel.core.module.DriverCalls;
import org.devmodel.core.module.ModuleLoader;
import org.devmodel.core.module.ModuleReferences;
import org.devmodel.core.proc.Credentials;
import org.devmodel.core.proc.Task;
import org.devmodel.core.snapshot.KernelSnapshot;
import org.devmodel.core.snapshot.SnapshotContributor;

/**
 * A model kernel. Everything lives in an instance: many kernels can run in one JVM, each with its
 * own device numbers, file systems, processes, clock and ledger. Close it to stop its workers.
 */
public interface Kernel extends AutoCloseable {
    /** {@code uname -r}. */
    String RELEASE = "3.14.0-devmodel";

    /**
     * Boots a kernel: the core, then every built-in subsystem in initcall order.
     *
     * @param options the command line and other settings
     * @return the running kernel
     * @throws KernelException when a built-in subsystem fails to start
     */
    static Kernel boot(KernelOptions options) throws KernelException {
        return KernelImpl.boot(options);
    }

    /**
     * Boots a kernel with default options.
     *
     * @return the running kernel
     * @throws KernelException when a built-in subsystem fails to start
     */
    static Kernel boot() throws KernelException {
        return boot(KernelOptions.defaults());
    }

    /** {@return the options it booted with} */
    KernelOptions options();

    /** {@return {@code uname -r}: {@value #RELEASE}} */
    default String release() {
        return RELEASE;
    }

    /** {@return the kernel log} */
    KernelLog log();

    /** {@return the virtual clock} */
    VirtualClock clock();

    /** {@return char-device regions and cdevs} */
    CharDevices chrdev();

    /** {@return the driver model} */
    DeviceModel devices();

    /** {@return the path namespace} */
    Vfs vfs();

    /** {@return the resource ledger} */
    Ledger ledger();

    /** {@return fault injection} */
    FaultInjector faults();

    /** {@return how subsystems record their own acquisitions} */
    ResourceTracker tracker();

    /**
     * {@code request_module}: asks for the modules an alias resolves to and waits for them.
     *
     * @param alias a module name or alias, e.g. {@code char-major-10-196}
     * @return 0 on success, above 0 when modprobe failed (256), below 0 for an errno
     */
    int requestModule(String alias);

    /** {@return the module loader: the index built at boot, modprobe, rmmod, lsmod and modinfo} */
    ModuleLoader modules();

    /** {@return how kernel code calls into driver code as the module that owns it} */
    DriverCalls driverCalls();

    /** {@return module references on driver code} */
    ModuleReferences moduleReferences();

    /**
     * Starts a process.
     *
     * @param credentials its credentials
     * @return the process, with {@code RLIMIT_MEMLOCK} 64 KiB, an empty address space and its fd table
     *     handing out fds from 3: 0 to 2 are the standard streams, which devmodel does not model, so
     *     calls on them answer EBADF
     */
    Task spawn(Credentials credentials);

    /**
     * Ends a process: its fds are closed and its mappings dropped.
     *
     * @param task the process
     */
    void exit(Task task);

    /** {@return the kernel-owned state now, with every contributed section} */
    KernelSnapshot snapshot();

    /**
     * Adds a section to every later snapshot.
     *
     * @param contributor the section
     */
    void addSnapshotContributor(SnapshotContributor contributor);

    /**
     * Removes a section added with {@link #addSnapshotContributor}.
     *
     * @param contributor the section
     */
    void removeSnapshotContributor(SnapshotContributor contributor);

    /**
     * {@return a started built-in subsystem by its API type}
     *
     * @param api the interface, e.g. the misc registry
     * @param <T> the type
     */
    <T> Optional<T> subsystem(Class<T> api);

    /** Waits until queued work (module loads asked for without waiting, device events) is done. */
    void settle();

    /** Stops the kernel's workers. */
    @Override
    void close();
}
