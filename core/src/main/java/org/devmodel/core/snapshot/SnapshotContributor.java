package org.devmodel.core.snapshot;

import java.util.List;

/**
 * A subsystem's part of a {@link KernelSnapshot}: one named section of entries, such as misc's
 * registered minors ({@code "196 vfio"}). Entries should name the resource the way the ledger does
 * so that a leak reads the same in both.
 */
public interface SnapshotContributor {

    /** {@return the section name, e.g. {@code misc}} */
    String section();

    /** {@return the section's entries now; order matters only for reading} */
    List<String> entries();

    /**
     * {@return whether the section is userspace state (static nodes, modes udev set): listed in
     * snapshots but never counted as a difference}
     */
    default boolean userspace() {
        return false;
    }
}
