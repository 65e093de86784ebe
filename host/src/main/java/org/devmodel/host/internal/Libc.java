package org.devmodel.host.internal;

import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.host.libc.LibC;

/** libc loaded once through jnr-ffi, with {@code errno} read right after each failed call. */
public final class Libc {
    /** {@code _STAT_VER_LINUX}, the version {@code __xstat} expects on x86_64. */
    private static final int STAT_VER = 1;
    /**
     * jnr-ffi 2.2.17's x86asm stubs garble six-argument calls: {@code mmap(NULL, 4096, 3, 0x22, -1, 0)}
     * fails with EINVAL through them (checked against the same call from C); its ASM stubs do not.
     */
    private static final String X86ASM = "jnr.ffi.x86asm.enabled";
    /**
     * jffi reaches native memory through {@code sun.misc.Unsafe}, which JDK 24 and later warn about on
     * first use (JEP 498); its JNI accessors do the same job without the warning.
     */
    private static final String UNSAFE_DISABLED = "jffi.unsafe.disabled";

    private final LibC libc;
    private final Runtime runtime;
    private final boolean exportsStat;

    private Libc(LibC libc) {
        this.libc = libc;
        this.runtime = Runtime.getRuntime(libc);
        this.exportsStat = exportsStat(libc);
    }

    /** glibc before 2.33 has only {@code __xstat}; jnr-ffi binds a missing symbol to a throwing stub. */
    private static boolean exportsStat(LibC libc) {
        try {
            libc.stat("/", new byte[StatDecoder.SIZE]);
            return true;
        } catch (UnsatisfiedLinkError e) {
            return false;
        }
    }

    /**
     * Loads glibc.
     *
     * @return the binding
     * @throws UnsatisfiedLinkError when libc cannot be loaded
     */
    public static Libc load() {
        defaultProperty(X86ASM, "false");
        defaultProperty(UNSAFE_DISABLED, "true");
        return new Libc(LibraryLoader.create(LibC.class).load("c"));
    }

    /** Sets a jnr-ffi or jffi switch unless the launch line already chose. */
    private static void defaultProperty(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** {@return the runtime jnr-ffi bound libc in, for pointers to native memory} */
    public Runtime runtime() {
        return runtime;
    }

    /**
     * {@code stat(2)} through whichever symbol this glibc exports.
     *
     * @param path the path
     * @param buf a {@link StatDecoder#SIZE}-byte buffer
     * @return 0, or -1 with {@code errno} set
     */
    public int stat(String path, byte[] buf) {
        return exportsStat ? libc.stat(path, buf) : libc.__xstat(STAT_VER, path, buf);
    }

    /**
     * {@code fstat(2)} through whichever symbol this glibc exports.
     *
     * @param fd the fd
     * @param buf a {@link StatDecoder#SIZE}-byte buffer
     * @return 0, or -1 with {@code errno} set
     */
    public int fstat(int fd, byte[] buf) {
        return exportsStat ? libc.fstat(fd, buf) : libc.__fxstat(STAT_VER, fd, buf);
    }

    /** {@return the bound functions} */
    public LibC functions() {
        return libc;
    }

    /**
     * Checks a result: -1 becomes the {@link KernelException} of the {@code errno} the call set.
     *
     * @param result what libc returned
     * @param call names the call and its argument, for the message
     * @return the result when it is not -1
     * @throws KernelException the call's errno
     */
    public long check(long result, String call) throws KernelException {
        if (result != -1) {
            return result;
        }
        int errno = LastError.getLastError(runtime);
        Errno e = Errno.byNumber(errno).orElseThrow(() ->
                new IllegalStateException(call + ": errno " + errno + " unknown to devmodel: " + libc.strerror(errno)));
        throw new KernelException(e, call + ": " + e.message());
    }
}
