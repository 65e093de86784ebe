package org.devmodel.testkit;

import org.devmodel.core.Kernel;

/** Entry point of the testkit's AssertJ assertions on kernel state. */
public final class KernelAssertions {
    private KernelAssertions() {
    }

    /**
     * Creates assertions on a kernel.
     *
     * @param kernel the kernel to check
     * @return the assertion
     */
    public static KernelAssert assertThat(Kernel kernel) {
        return new KernelAssert(kernel);
    }
}
