package org.devmodel.testkit;

import java.util.Objects;
import org.devmodel.core.Errno;

/**
 * One step of a module's {@code init}: an acquisition the module made itself through a fault site.
 *
 * @param number the step number, from 1
 * @param site the fault site, e.g. {@code class_create}
 * @param resource what it acquired, named as the ledger names it
 * @param naturalErrno what the site fails with by nature
 */
public record InitStep(int number, String site, String resource, Errno naturalErrno) {
    /** Checks the arguments. */
    public InitStep {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(naturalErrno, "naturalErrno");
        if (number < 1) {
            throw new IllegalArgumentException("steps count from 1: " + number);
        }
    }
}
