package org.devmodel.core.module;

import org.devmodel.core.KernelException;

/**
 * How kernel code calls into driver code that it did not get through a file, such as
 * {@code misc_open} calling the {@code open} of the misc device it found: the call runs as the module
 * that owns the code, so what the driver acquires there is that module's, and an unexpected Java
 * exception (a driver bug) is logged with the module's name and reported as EIO instead of
 * escaping into the caller.
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
}
