package org.devmodel.cli.seam;

/** A command needs a part of the kernel that this kernel does not have. */
public final class NotAvailableException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * @param reason what is missing, subject first: "bind: this kernel has no PCI bus yet"
     */
    public NotAvailableException(String reason) {
        super(reason);
    }
}
