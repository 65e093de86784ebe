package org.devmodel.core.fault;

import java.util.Optional;

/** Arms faults at a kernel's fault sites. Each armed fault fires at most once. */
public interface FaultInjector {

    /**
     * {@return a fault site this kernel has passed through, by name, with its natural errno}
     *
     * @param name the site's name, e.g. {@code class_create}
     */
    Optional<FaultSite> site(String name);

    /**
     * Arms a fault.
     *
     * @param rule which acquisition fails, and how
     * @return the armed fault, to ask whether it fired
     */
    InjectedFault arm(FaultRule rule);

    /**
     * {@return how many steps (acquisitions made by the owner itself, not nested) an owner has made
     * through fault sites since the kernel booted}
     *
     * @param owner a module name
     */
    int steps(String owner);
}
