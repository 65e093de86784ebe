package org.devmodel.host;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The host bridge for tests, loaded once per JVM; tests skip where this machine cannot run it. */
final class HostBridge {
    private static final boolean LINUX_X86_64 = System.getProperty("os.name").equals("Linux")
            && System.getProperty("os.arch").equals("amd64");
    private static final HostSyscalls SYSCALLS = LINUX_X86_64 ? HostSyscalls.load() : null;

    private HostBridge() {
    }

    /** {@return the host's system calls, or a skipped test on a machine the bridge does not support} */
    static HostSyscalls syscalls() {
        assumeTrue(LINUX_X86_64, "the host bridge needs Linux on x86_64 (struct stat's layout)");
        return SYSCALLS;
    }
}
