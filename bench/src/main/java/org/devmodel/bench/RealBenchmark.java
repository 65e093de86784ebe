package org.devmodel.bench;

import java.util.concurrent.TimeUnit;
import jnr.ffi.LibraryLoader;
import jnr.ffi.annotations.Variadic;
import jnr.ffi.types.intptr_t;
import jnr.ffi.types.size_t;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Figure 1, the real side: the same calls as {@link DispatchBenchmark} on the host kernel through
 * jnr-ffi 2.2.17, as the host bridge makes them, on {@code /dev/null} (whose {@code ioctl} answers
 * ENOTTY, as in the C measurement the issue quotes), and jnr-ffi's overhead on a call that makes no
 * system call ({@code abs}). libc's return values are used as they are: no errno is read and no
 * exception made, so only the crossing and the kernel are measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RealBenchmark {
    private static final String NODE = "/dev/null";
    /** {@code O_RDWR}. */
    private static final int O_RDWR = 2;
    /** {@code VFIO_GET_API_VERSION}: {@code /dev/null} refuses it, as it refuses every ioctl. */
    private static final int GET_API_VERSION = 0x3b64;

    /** The libc functions used, bound by jnr-ffi. */
    public interface Libc {
        int abs(int value);

        int open(String path, int flags);

        @Variadic(fixedCount = 2)
        int ioctl(int fd, @size_t long request, @intptr_t long arg);

        int close(int fd);
    }

    private Libc libc;
    private int fd;

    @Setup
    public void bind() {
        libc = LibraryLoader.create(Libc.class).load("c");
        fd = libc.open(NODE, O_RDWR);
        if (fd < 0) {
            throw new IllegalStateException("cannot open " + NODE);
        }
    }

    @TearDown
    public void close() {
        libc.close(fd);
    }

    /** {@code abs(-fd)}: jnr-ffi's crossing with no system call. */
    @Benchmark
    public int trivialCall() {
        return libc.abs(-fd);
    }

    /** {@code ioctl(fd, VFIO_GET_API_VERSION)} on an open {@code /dev/null}. */
    @Benchmark
    public int ioctl() {
        return libc.ioctl(fd, GET_API_VERSION, 0);
    }

    /** {@code open("/dev/null", O_RDWR)}, {@code ioctl}, {@code close}. */
    @Benchmark
    public int openIoctlClose() {
        int cycle = libc.open(NODE, O_RDWR);
        int result = libc.ioctl(cycle, GET_API_VERSION, 0);
        libc.close(cycle);
        return result;
    }
}
