package org.devmodel.bench;

import java.util.concurrent.TimeUnit;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Figure 4, kernels per JVM: {@code Kernel.boot()} on the embedded default platform (depmod over
 * the module path, built-in subsystems, static device nodes) and {@code close()}; and
 * {@code kernels} (1,000) idle kernels alive at once in one JVM with the default heap, whose
 * {@code retainedBytes} is the heap each keeps.
 */
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class KernelsBenchmark {
    /** How many kernels {@link #aliveAtOnce} keeps alive. */
    @State(Scope.Benchmark)
    public static class Alive {
        @Param("1000")
        public int kernels;
    }

    /** Boot and close one kernel. */
    @Benchmark
    public String bootAndClose() throws KernelException {
        try (Kernel kernel = Kernel.boot()) {
            return kernel.release();
        }
    }

    /** Boot {@code kernels} kernels and keep them all alive. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 1)
    @Measurement(iterations = 2)
    public RetainedHeap aliveAtOnce(Alive alive, RetainedHeap heap) throws KernelException {
        for (int i = 0; i < alive.kernels; i++) {
            heap.keep(Kernel.boot());
        }
        return heap;
    }
}
