package org.devmodel.cli.seam;

/** A command needs a part of the kernel that this build does not have yet (or a call would wait forever). */
public final class NotAvailableException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param reason what is missing, subject first: "modprobe: no module loader in this kernel" */
    public NotAvailableException(String reason) {
        super(reason);
    }
}
