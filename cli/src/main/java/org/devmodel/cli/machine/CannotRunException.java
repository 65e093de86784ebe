package org.devmodel.cli.machine;

/** A command cannot run on this machine, or would wait there forever: the script stops at its line. */
public final class CannotRunException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * @param reason why, subject first: "user: the host runs the script inside the JVM's own process, ..."
     */
    public CannotRunException(String reason) {
        super(reason);
    }
}
