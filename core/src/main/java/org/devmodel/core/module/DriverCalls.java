package org.devmodel.core.module;

import org.devmodel.core.KernelException;
import org.devmodel.core.proc.Task;

/**
 * How code calls into another module's driver code: the kernel into file operations, misc's
 * {@code misc_open} into the {@code open} of the device it found, vfio into its IOMMU backend and
 * into a VFIO bus driver. The call runs as the module that owns the called code, so what the driver
 * acquires there is that module's, and an unexpected Java exception (a driver bug) is logged with
 * that module's name and reported as EIO instead of escaping into the caller, as an oops names the
 * module whose code ran.
 *
 * <p>The owning module of a driver object is the kernel module whose JPMS module defines its class.
 */
public interface DriverCalls {

    /**
     * Calls into driver code.
     *
     * @param code the driver object called (its class decides the owning module)
     * @param what the operation, for the log, e.g. {@code open}
     * @param call the call
     * @param <T> its result
     * @return the driver's result
     * @throws KernelException the driver's errno, or EIO for a driver bug
     */
    <T> T call(Object code, String what, DriverCall<T> call) throws KernelException;

    /**
     * Calls into driver code that has no way to report failure ({@code release},
     * {@code detach_group}): a driver bug is logged and the caller goes on.
     *
     * @param code the driver object called
     * @param what the operation, for the log
     * @param call the call
     */
    void callVoid(Object code, String what, Runnable call);

    /**
     * Calls a driver's {@code ioctl}, the hot path: nothing is allocated per call when {@code op}
     * captures nothing (a method reference such as {@code FileOperations::ioctl}), so the arguments
     * travel as parameters.
     *
     * @param code the driver object called (its class decides the owning module)
     * @param target what the ioctl is on, such as the open file or the driver's device data
     * @param current the calling process
     * @param cmd the ioctl number
     * @param arg its argument
     * @param op calls {@code code}'s ioctl
     * @param <C> the driver object's type
     * @param <A> the target's type
     * @return the driver's result
     * @throws KernelException the driver's errno, or EIO for a driver bug
     */
    <C, A> long ioctl(C code, A target, Task current, int cmd, long arg, IoctlOp<C, A> op) throws KernelException;

    /**
     * A call into a driver that may fail with an errno.
     *
     * @param <T> its result
     */
    @FunctionalInterface
    interface DriverCall<T> {
        /**
         * Runs the call.
         *
         * @return its result
         * @throws KernelException the driver's errno
         */
        T run() throws KernelException;
    }

    /**
     * A driver's ioctl, given everything it needs as parameters.
     *
     * @param <C> the driver object's type
     * @param <A> the target's type
     */
    @FunctionalInterface
    interface IoctlOp<C, A> {
        /**
         * Runs the ioctl.
         *
         * @param code the driver object
         * @param target what the ioctl is on
         * @param current the calling process
         * @param cmd the ioctl number
         * @param arg its argument
         * @return its result
         * @throws KernelException the driver's errno
         */
        long ioctl(C code, A target, Task current, int cmd, long arg) throws KernelException;
    }
}
