package org.devmodel.core.fault;

import java.util.function.Function;
import org.devmodel.core.KernelException;

/**
 * How a subsystem makes an acquisition a fault site and a ledger entry. Built-in subsystems outside
 * core (misc, IOMMU, vfio's backend registry) use it for their own registration calls, so that the
 * nested acquisitions they make are recorded as children of the caller's call.
 *
 * <p>The owner of a call is the module whose code is running on this thread ({@code init},
 * {@code exit} or one of its callbacks), or {@link LedgerEvent#KERNEL}.
 */
public interface ResourceTracker {

    /**
     * Passes a fault site, runs an acquisition and records it when it succeeds. Tracked calls made
     * inside {@code action} are recorded as its children.
     *
     * @param site the fault site; an armed fault that matches throws its errno before the action runs
     * @param action the acquisition
     * @param resource names what was acquired, from the action's result (e.g. {@code "chrdev_region 254:0+1048575 vfio"})
     * @param <T> what the action returns
     * @return what the action returned
     * @throws KernelException an injected fault, or the action's own failure
     */
    <T> T acquire(FaultSite site, Acquisition<T> action, Function<? super T, String> resource)
            throws KernelException;

    /**
     * Records a release and runs it. Tracked calls made inside {@code action} are its children.
     *
     * @param site the kernel function, e.g. {@code class_destroy}
     * @param resource the resource, named exactly as its acquisition named it
     * @param action the release
     */
    void release(String site, String resource, Runnable action);

    /**
     * An acquisition that may fail.
     *
     * @param <T> its result
     */
    @FunctionalInterface
    interface Acquisition<T> {
        /**
         * Acquires.
         *
         * @return the acquired object
         * @throws KernelException when it fails
         */
        T acquire() throws KernelException;
    }
}
