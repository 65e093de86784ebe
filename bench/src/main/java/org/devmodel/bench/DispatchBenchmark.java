package org.devmodel.bench;

import java.util.concurrent.TimeUnit;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.OpenFlags;
import org.devmodel.core.proc.Syscalls;
import org.devmodel.vfio.uapi.VfioIoctls;
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
 * Figures 1 and 2 (warm side): system calls on the model's VFIO control device, with vfio loaded
 * and a type1 container open; {@link FloorBenchmark#interfaceCall} is the floor they compare to.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DispatchBenchmark {
    private static final String CONTROL = "/dev/vfio/vfio";

    private VfioProcess process;
    private Syscalls sys;
    private int container;
    private int getApiVersion;

    @Setup
    public void setUp() throws Exception {
        process = new VfioProcess();
        sys = process.task.syscalls();
        container = process.container;
        getApiVersion = VfioIoctls.VFIO_GET_API_VERSION;
    }

    @TearDown
    public void tearDown() {
        process.close();
    }

    /** {@code ioctl(container, VFIO_GET_API_VERSION)} on an open fd. */
    @Benchmark
    public long ioctl() throws KernelException {
        return sys.ioctl(container, getApiVersion, 0);
    }

    /** {@code open("/dev/vfio/vfio", O_RDWR)}, {@code ioctl(VFIO_GET_API_VERSION)}, {@code close}. */
    @Benchmark
    public long openIoctlClose() throws KernelException {
        int fd = sys.open(CONTROL, OpenFlags.O_RDWR);
        long version = sys.ioctl(fd, getApiVersion, 0);
        sys.close(fd);
        return version;
    }

    /** A warm {@code open} of the loaded control device and its {@code close}: a new container each time. */
    @Benchmark
    public int openClose() throws KernelException {
        int fd = sys.open(CONTROL, OpenFlags.O_RDWR);
        sys.close(fd);
        return fd;
    }
}
