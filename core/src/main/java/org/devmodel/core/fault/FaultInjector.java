package org.devmodel.core.fault;

/** Arms faults at a kernel's fault sites. Each armed fault fires at most once. */
public interface FaultInjector {

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
