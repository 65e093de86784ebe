package org.devmodel.core.proc;

/** The capabilities devmodel checks; uid 0 holds them all, other users none. */
public enum Capability {
    /** Bypass file permission checks. */
    CAP_DAC_OVERRIDE,
    /** Lock memory beyond {@code RLIMIT_MEMLOCK} (VFIO type1's DMA pinning). */
    CAP_IPC_LOCK,
    /** Load and unload kernel modules. */
    CAP_SYS_MODULE,
    /** Administration: sysfs binding and the like. */
    CAP_SYS_ADMIN,
    /** Raw I/O: direct device access. */
    CAP_SYS_RAWIO
}
