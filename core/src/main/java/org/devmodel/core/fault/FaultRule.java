package org.devmodel.core.fault;

import java.util.Objects;
import java.util.Optional;
import org.devmodel.core.Errno;

/**
 * Which acquisition an injected fault makes fail, and with which errno.
 *
 * <p>A rule matches either the next pass through a named site, or the n-th acquisition an owner
 * makes itself (a <em>step</em>: calls nested inside another tracked call are not steps), which is
 * the kernel's {@code fail-nth} loop.
 */
public sealed interface FaultRule {

    /** {@return the errno to fail with instead of the site's natural one, if any} */
    Optional<Errno> errno();

    /**
     * Fails the next pass through a site, whoever makes it.
     *
     * @param site the site's name, e.g. {@code cdev_add}
     * @return the rule
     */
    static FaultRule atSite(String site) {
        return new AtSite(site, Optional.empty());
    }

    /**
     * Fails the n-th step of an owner.
     *
     * @param owner the module name
     * @param step 1 for the first acquisition the owner makes itself
     * @return the rule
     */
    static FaultRule atStep(String owner, int step) {
        return new AtStep(owner, step, Optional.empty());
    }

    /**
     * {@return this rule failing with the given errno instead of the site's natural one}
     *
     * @param errno the errno to inject
     */
    FaultRule withErrno(Errno errno);

    /**
     * The next pass through a site.
     *
     * @param site the site's name
     * @param errno an override of the natural errno
     */
    record AtSite(String site, Optional<Errno> errno) implements FaultRule {
        /** Checks the arguments. */
        public AtSite {
            Objects.requireNonNull(site, "site");
            Objects.requireNonNull(errno, "errno");
        }

        @Override
        public FaultRule withErrno(Errno errno) {
            return new AtSite(site, Optional.of(errno));
        }
    }

    /**
     * The n-th step of an owner.
     *
     * @param owner the module name
     * @param step from 1
     * @param errno an override of the natural errno
     */
    record AtStep(String owner, int step, Optional<Errno> errno) implements FaultRule {
        /** Checks the arguments. */
        public AtStep {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(errno, "errno");
            if (step < 1) {
                throw new IllegalArgumentException("step counts from 1: " + step);
            }
        }

        @Override
        public FaultRule withErrno(Errno errno) {
            return new AtStep(owner, step, Optional.of(errno));
        }
    }
}
