package org.devmodel.cli.admin;

import java.util.Objects;
import org.devmodel.core.Errno;

/** An admin command failed: the errno of the underlying operation and the real tool's error text. */
public final class AdminException extends Exception {
    private static final long serialVersionUID = 1L;

    private final Errno errno;

    /**
     * @param errno the errno of the underlying operation, the command's result for {@code => ERRNO}
     * @param message what the real tool prints on stderr, without the trailing newline
     */
    public AdminException(Errno errno, String message) {
        super(message);
        this.errno = Objects.requireNonNull(errno, "errno");
    }

    /** {@return the errno of the underlying operation} */
    public Errno errno() {
        return errno;
    }
}
