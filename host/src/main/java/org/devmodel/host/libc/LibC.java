package org.devmodel.host.libc;

import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.annotations.Variadic;
import jnr.ffi.types.intptr_t;
import jnr.ffi.types.off_t;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;

/**
 * glibc on x86_64, as jnr-ffi binds it. Every function returns -1 (or {@code MAP_FAILED}) and sets
 * {@code errno} on failure, read through jnr-ffi's last error. Pointers are plain addresses;
 * {@code struct stat} and {@code struct rlimit} travel as Java arrays jnr-ffi copies.
 */
public interface LibC {
    /** {@code open(2)} without a mode: no call here creates a file. */
    int open(String path, int flags);

    /** {@code close(2)}. */
    int close(int fd);

    /** {@code read(2)}. */
    @ssize_t long read(int fd, @intptr_t long buf, @size_t long count);

    /** {@code write(2)}. */
    @ssize_t long write(int fd, @intptr_t long buf, @size_t long count);

    /** {@code pread64(2)}. */
    @ssize_t long pread64(int fd, @intptr_t long buf, @size_t long count, @off_t long offset);

    /** {@code pwrite64(2)}. */
    @ssize_t long pwrite64(int fd, @intptr_t long buf, @size_t long count, @off_t long offset);

    /** {@code lseek(2)}. */
    @off_t long lseek(int fd, @off_t long offset, int whence);

    /** {@code ioctl(2)}: variadic after the request, which is an {@code unsigned long} in glibc. */
    @Variadic(fixedCount = 2)
    int ioctl(int fd, @size_t long request, @intptr_t long arg);

    /** {@code stat(2)}, exported by glibc 2.33 and later. */
    int stat(String path, @Out byte[] statbuf);

    /** {@code fstat(2)}, exported by glibc 2.33 and later. */
    int fstat(int fd, @Out byte[] statbuf);

    /** What {@code stat} was before glibc 2.33: {@code __xstat(_STAT_VER_LINUX = 1, path, buf)}. */
    int __xstat(int version, String path, @Out byte[] statbuf);

    /** What {@code fstat} was before glibc 2.33. */
    int __fxstat(int version, int fd, @Out byte[] statbuf);

    /** {@code mmap(2)}. */
    @intptr_t long mmap(@intptr_t long addr, @size_t long length, int prot, int flags, int fd, @off_t long offset);

    /** {@code munmap(2)}. */
    int munmap(@intptr_t long addr, @size_t long length);

    /** {@code mlock(2)}. */
    int mlock(@intptr_t long addr, @size_t long length);

    /** {@code munlock(2)}. */
    int munlock(@intptr_t long addr, @size_t long length);

    /** {@code fcntl(2)}: variadic after the command; here only commands whose argument is an integer. */
    @Variadic(fixedCount = 2)
    int fcntl(int fd, int cmd, @intptr_t long arg);

    /**
     * {@code poll(2)} of one {@code struct pollfd}, as {@code {fd, events | revents << 16}} (x86_64 is
     * little-endian: {@code events} is the low half of the second int).
     */
    int poll(@In @Out int[] fds, @size_t long nfds, int timeout);

    /** {@code eventfd(2)}: glibc calls {@code eventfd2}. */
    int eventfd(int initval, int flags);

    /** {@code getrlimit(2)}: {@code rlim} is {@code {rlim_cur, rlim_max}}. */
    int getrlimit(int resource, @Out long[] rlim);

    /** {@code setrlimit(2)}. */
    int setrlimit(int resource, @In long[] rlim);

    /** {@code strerror(3)}. */
    String strerror(int errnum);
}
