package org.devmodel.pci.internal.platform;

/** A platform description that cannot be used; the message is {@code file:line: reason}. */
public final class PlatformException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * @param where {@code file:line}
     * @param reason what is wrong, lower case
     */
    public PlatformException(String where, String reason) {
        super(where + ": " + reason);
    }
}
