package org.devmodel.cli.run;

import org.devmodel.core.KernelException;
import org.devmodel.cli.machine.ScriptProcess;

/**
 * The runner's own memory for arguments (structs, strings, ints, read buffers) at
 * {@value #BASE_HEX}, mapped with {@code MAP_FIXED} so that it never moves the addresses
 * {@code mmap} returns. Each command starts again at the base, so a read buffer is always at
 * {@code 0x10000000}, as traces show it.
 */
final class Scratch {
    /** Where the scratch area starts. */
    static final long BASE = 0x1000_0000L;
    private static final String BASE_HEX = "0x10000000";
    /** Room for the largest argument a script can reasonably pass; pages exist only once written. */
    private static final long SIZE = 16L << 20;

    private long next = BASE;

    /**
     * Maps the area.
     *
     * @param process the process
     * @throws KernelException if it is taken
     */
    Scratch(ScriptProcess process) throws KernelException {
        process.mapFixed(BASE, SIZE);
    }

    /** Starts a new command: everything allocated before is free again. */
    void reset() {
        next = BASE;
    }

    /**
     * {@return the address of {@code length} bytes, 8-byte aligned}; a length beyond the area gives
     * an address whose access faults, as a too-large buffer would
     *
     * @param length how many bytes
     */
    long allocate(long length) {
        long address = next;
        next = (next + Math.max(length, 1) + 7) & ~7L;
        return address;
    }
}
