package org.devmodel.core.proc;

import java.util.ArrayList;
import java.util.List;

/** The {@code mmap(2)} protections and flags devmodel knows, with x86_64 values, and their strace names. */
public final class Mman {
    /** Pages may be read. */
    public static final int PROT_READ = 0x1;
    /** Pages may be written. */
    public static final int PROT_WRITE = 0x2;
    /** Share the mapping (device memory). */
    public static final int MAP_SHARED = 0x01;
    /** A private copy-on-write mapping. */
    public static final int MAP_PRIVATE = 0x02;
    /** Not backed by a file. */
    public static final int MAP_ANONYMOUS = 0x20;
    /** The page size of x86_64. */
    public static final long PAGE_SIZE = 4096;

    private Mman() {
    }

    /**
     * {@return protections as strace prints them: {@code PROT_READ|PROT_WRITE}, or {@code PROT_NONE}}
     *
     * @param prot protections
     */
    public static String describeProt(int prot) {
        List<String> names = new ArrayList<>();
        if ((prot & PROT_READ) != 0) {
            names.add("PROT_READ");
        }
        if ((prot & PROT_WRITE) != 0) {
            names.add("PROT_WRITE");
        }
        int rest = prot & ~(PROT_READ | PROT_WRITE);
        if (rest != 0) {
            names.add("0x" + Integer.toHexString(rest));
        }
        return names.isEmpty() ? "PROT_NONE" : String.join("|", names);
    }

    /**
     * {@return flags as strace prints them: {@code MAP_PRIVATE|MAP_ANONYMOUS}}
     *
     * @param flags mmap flags
     */
    public static String describeFlags(int flags) {
        List<String> names = new ArrayList<>();
        if ((flags & MAP_SHARED) != 0) {
            names.add("MAP_SHARED");
        }
        if ((flags & MAP_PRIVATE) != 0) {
            names.add("MAP_PRIVATE");
        }
        if ((flags & MAP_ANONYMOUS) != 0) {
            names.add("MAP_ANONYMOUS");
        }
        int rest = flags & ~(MAP_SHARED | MAP_PRIVATE | MAP_ANONYMOUS);
        if (rest != 0) {
            names.add("0x" + Integer.toHexString(rest));
        }
        return String.join("|", names);
    }
}
