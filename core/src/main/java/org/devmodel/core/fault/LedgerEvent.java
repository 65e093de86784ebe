package org.devmodel.core.fault;

import java.util.Objects;

/**
 * One entry of a kernel's resource ledger: an acquisition that succeeded or a release.
 *
 * @param sequence position in the ledger, from 1
 * @param kind acquisition or release
 * @param site the kernel function, e.g. {@code class_create} or {@code class_destroy}
 * @param resource what was acquired or released, e.g. {@code class vfio}; a release names the
 *     resource exactly as its acquisition did
 * @param owner the module that made the call, or {@value #KERNEL} for built-in code
 * @param scope the id of the call, unique in the ledger
 * @param parentScope the id of the call this one was made inside (the {@code device_create} inside
 *     {@code misc_register}), or 0 for a call the owner made itself
 */
public record LedgerEvent(long sequence, Kind kind, String site, String resource, String owner, long scope,
                          long parentScope) {
    /** The owner of acquisitions made by built-in code outside any module. */
    public static final String KERNEL = "kernel";

    /** Checks the arguments. */
    public LedgerEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(owner, "owner");
    }

    /** {@return whether the call was made inside another tracked call} */
    public boolean nested() {
        return parentScope != 0;
    }

    /** {@return e.g. {@code "acquire class_create(class vfio) by vfio"}} */
    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + site + "(" + resource + ") by " + owner;
    }

    /** Whether an event records an acquisition or a release. */
    public enum Kind {
        /** A resource was acquired. */
        ACQUIRE,
        /** A resource was released. */
        RELEASE
    }
}
