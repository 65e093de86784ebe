package org.devmodel.bench;

import java.util.concurrent.TimeUnit;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * Figure 7, concurrency: one kernel, and per thread a process of its own with its own container
 * holding its own group (edu's group 3 for the first thread, group 5 for the second), doing
 * {@code ioctl(VFIO_GET_API_VERSION)} or a one-page map+unmap. JMH adds the threads' throughputs,
 * so the {@code 2} methods over the {@code 1} methods is the scaling.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ConcurrencyBenchmark {
    /** The groups the threads use, by thread index; both are viable once all their functions are bound. */
    private static final int[] GROUPS = {3, 5};

    private Kernel kernel;

    @Setup
    public void boot() throws KernelException {
        kernel = VfioProcess.bootWithVfioPci(VfioProcess.EDU, "0000:01:00.0", "0000:01:00.1");
    }

    @TearDown
    public void close() {
        kernel.close();
    }

    /** One thread's process, container and one-page map and unmap arguments. */
    @State(Scope.Thread)
    public static class Process {
        private static final long IOVA = 1L << 32;

        private VfioProcess process;
        private Syscalls sys;
        private int container;
        private int getApiVersion;
        private int mapDma;
        private int unmapDma;
        private long mapArgument;
        private long unmapArgument;

        @Setup
        public void open(ConcurrencyBenchmark benchmark, ThreadParams thread) throws Exception {
            process = new VfioProcess(benchmark.kernel, GROUPS[thread.getThreadIndex()], false);
            sys = process.task.syscalls();
            container = process.container;
            getApiVersion = VfioIoctls.VFIO_GET_API_VERSION;
            mapDma = VfioIoctls.VFIO_IOMMU_MAP_DMA;
            unmapDma = VfioIoctls.VFIO_IOMMU_UNMAP_DMA;
            mapArgument = process.mapArgument(process.mmap(VfioProcess.PAGE), IOVA);
            unmapArgument = process.unmapArgument(IOVA);
        }

        @TearDown
        public void close() {
            process.close();
        }

        long ioctl() throws KernelException {
            return sys.ioctl(container, getApiVersion, 0);
        }

        long mapUnmap() throws KernelException {
            sys.ioctl(container, mapDma, mapArgument);
            return sys.ioctl(container, unmapDma, unmapArgument);
        }
    }

    /** {@code ioctl(VFIO_GET_API_VERSION)}, one thread. */
    @Benchmark
    @Threads(1)
    public long ioctl1(Process process) throws KernelException {
        return process.ioctl();
    }

    /** {@code ioctl(VFIO_GET_API_VERSION)}, two threads. */
    @Benchmark
    @Threads(2)
    public long ioctl2(Process process) throws KernelException {
        return process.ioctl();
    }

    /** One-page map+unmap, one thread. */
    @Benchmark
    @Threads(1)
    public long mapUnmap1(Process process) throws KernelException {
        return process.mapUnmap();
    }

    /** One-page map+unmap, two threads. */
    @Benchmark
    @Threads(2)
    public long mapUnmap2(Process process) throws KernelException {
        return process.mapUnmap();
    }
}
