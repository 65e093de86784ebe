package org.devmodel.core;

import java.util.Objects;

/**
 * A kernel call failed with an errno: the Java form of a negative return value.
 *
 * <p>Driver code throws it ({@code throw new KernelException(Errno.EBUSY)}) and the syscall layer
 * turns it into {@code -1 EBUSY (Device or resource busy)}. Caller mistakes that the kernel would
 * never see (a null argument, a negative count in the Java API) stay
 * {@link IllegalArgumentException} or {@link NullPointerException}.
 */
public class KernelException extends Exception {
    private static final long serialVersionUID = 1L;

    private final Errno errno;

    /**
     * Creates an exception for an errno, with the errno's message.
     *
     * @param errno why the call failed
     */
    public KernelException(Errno errno) {
        this(errno, errno.describe());
    }

    /**
     * Creates an exception for an errno with a message that names the subject.
     *
     * @param errno why the call failed
     * @param message what failed, e.g. "vfio: misc device register failed"
     */
    public KernelException(Errno errno, String message) {
        super(message);
        this.errno = Objects.requireNonNull(errno, "errno");
    }

    /**
     * Creates an exception for an errno caused by another throwable (a driver bug the core caught).
     *
     * @param errno the errno reported to the caller
     * @param message what failed
     * @param cause what the driver threw
     */
    public KernelException(Errno errno, String message, Throwable cause) {
        super(message, cause);
        this.errno = Objects.requireNonNull(errno, "errno");
    }

    /** {@return the errno this call failed with} */
    public Errno errno() {
        return errno;
    }
}
