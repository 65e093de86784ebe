package org.devmodel.core.fault;

import java.util.Optional;
import org.devmodel.core.Errno;

/** A fault armed in a kernel: whether it fired, where, and with which errno. */
public interface InjectedFault {

    /** {@return the rule it was armed with} */
    FaultRule rule();

    /** {@return the site it fired at, if it fired} */
    Optional<FaultSite> firedAt();

    /** {@return the errno it injected, if it fired} */
    Optional<Errno> injected();

    /** {@return whether it fired} */
    default boolean fired() {
        return firedAt().isPresent();
    }

    /** Disarms it if it has not fired yet. */
    void disarm();
}
