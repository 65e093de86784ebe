/**
 * The devmodel testkit: {@link org.devmodel.testkit.InitFaultTest} sweeps a kernel module's
 * {@code init} with injected faults (also usable without JUnit through
 * {@link org.devmodel.testkit.InitFaultSweep}), and {@link org.devmodel.testkit.KernelAssertions}
 * checks kernel state with AssertJ.
 *
 * <p>Arguments are never null unless a parameter says otherwise.
 */
package org.devmodel.testkit;
