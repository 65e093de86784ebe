package org.devmodel.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;

/** Test helper: the errno a kernel call fails with. */
public final class Errnos {
    private Errnos() {
    }

    /**
     * {@return the errno of the {@link KernelException} the call throws; fails the test when it throws
     * nothing or something else}
     *
     * @param call the call
     */
    public static Errno errnoOf(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("the call should fail with an errno").isInstanceOf(KernelException.class);
        return ((KernelException) thrown).errno();
    }
}
