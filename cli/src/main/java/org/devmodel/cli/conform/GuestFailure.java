package org.devmodel.cli.conform;

/** The guest could not run the scenario (exit status 2); the message says why. */
final class GuestFailure extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * Reports why.
     *
     * @param reason what went wrong, for the user
     */
    GuestFailure(String reason) {
        super(reason);
    }
}
