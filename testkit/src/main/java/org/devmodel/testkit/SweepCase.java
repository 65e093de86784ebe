package org.devmodel.testkit;

import org.devmodel.core.Kernel;

/**
 * One invocation of an init-fault sweep: fail one step, check that failing the step after the last
 * fires nothing, or run the success path. Each runs in a fresh kernel from
 * {@link ModuleUnderTest#boot()}.
 */
public interface SweepCase {

    /** {@return how the invocation reads in a test report, e.g. {@code fail class_create (step 2) -> ENOMEM}} */
    String displayName();

    /**
     * Runs the case in a freshly booted kernel in which the module is not loaded yet.
     *
     * @param kernel the kernel; the caller closes it
     * @throws AssertionError naming what went wrong: the errno, the leaked resource, or both release
     *     sequences side by side
     */
    void verify(Kernel kernel);
}
