package org.devmodel.core.fault;

import java.util.List;

/**
 * A kernel's record of every acquisition and release made through it, in order. It is what lets a
 * test fail step k of a module's {@code init} and check the unwind.
 *
 * <p>The record is bounded so that a long-lived kernel does not grow: the acquisitions still
 * outstanding are kept however old they are, the full sequence only for the latest several thousand
 * events; reading from an older mark fails instead of answering a partial list.
 */
public interface Ledger {

    /** {@return the sequence number the next event will get; pass it to {@link #since(long)}} */
    long mark();

    /**
     * {@return the events recorded from a mark on, in order}
     *
     * @param mark a value of {@link #mark()}
     * @throws IllegalStateException if events from the mark on have been trimmed
     */
    List<LedgerEvent> since(long mark);

    /**
     * {@return the acquisitions of an owner that no release has matched yet, in acquisition order}
     *
     * @param owner a module name, or {@link LedgerEvent#KERNEL}
     */
    List<LedgerEvent> outstanding(String owner);

    /** {@return every owner's acquisitions that no release has matched yet, in acquisition order} */
    List<LedgerEvent> outstanding();
}
