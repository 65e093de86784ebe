package org.devmodel.core.fs;

import java.util.ArrayList;
import java.util.List;

/** The {@code open(2)} flags devmodel knows, with Linux x86_64 values, and how strace prints them. */
public final class OpenFlags {
    /** Open for reading only. */
    public static final int O_RDONLY = 0;
    /** Open for writing only. */
    public static final int O_WRONLY = 01;
    /** Open for reading and writing. */
    public static final int O_RDWR = 02;
    /** The access mode bits. */
    public static final int O_ACCMODE = 03;
    /** Non-blocking I/O. */
    public static final int O_NONBLOCK = 04000;
    /** Close on exec. */
    public static final int O_CLOEXEC = 02000000;

    private OpenFlags() {
    }

    /**
     * {@return whether the flags allow reading}
     *
     * @param flags open flags
     */
    public static boolean readable(int flags) {
        return (flags & O_ACCMODE) != O_WRONLY;
    }

    /**
     * {@return whether the flags allow writing}
     *
     * @param flags open flags
     */
    public static boolean writable(int flags) {
        return (flags & O_ACCMODE) != O_RDONLY;
    }

    /**
     * {@return the flags as strace prints them, e.g. {@code O_RDWR|O_NONBLOCK}}
     *
     * @param flags open flags
     */
    public static String describe(int flags) {
        List<String> names = new ArrayList<>();
        int mode = flags & O_ACCMODE;
        names.add(mode == O_RDONLY ? "O_RDONLY" : mode == O_WRONLY ? "O_WRONLY" : mode == O_RDWR ? "O_RDWR" : "0x3");
        int rest = flags & ~O_ACCMODE;
        if ((rest & O_NONBLOCK) != 0) {
            names.add("O_NONBLOCK");
            rest &= ~O_NONBLOCK;
        }
        if ((rest & O_CLOEXEC) != 0) {
            names.add("O_CLOEXEC");
            rest &= ~O_CLOEXEC;
        }
        if (rest != 0) {
            names.add("0" + Integer.toOctalString(rest));
        }
        return String.join("|", names);
    }
}
