package org.devmodel.bench;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.KernelOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Figure 3, the seed's claim: booting with {@code modules} generated driver jars in the modules
 * directory, lazily (the index is read, no module code runs) against eagerly (every module
 * loaded into its layer and initialised at boot, the pre-seed way). Each invocation is one boot of a
 * fresh kernel, timed alone; {@code retainedBytes} is the heap the booted kernel keeps.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(1)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BootScaleBenchmark {
    @Param({"10", "100", "1000", "10000"})
    public int modules;

    private KernelOptions options;

    @Setup(Level.Trial)
    public void generate() {
        Path directory = GeneratedModules.directory(modules);
        options = KernelOptions.builder().modulesDirectory(directory).build();
    }

    /** Boot with the modules indexed only. */
    @Benchmark
    public Kernel lazy(RetainedHeap heap) throws KernelException {
        return heap.keep(Kernel.boot(options));
    }

    /** Boot, then load and initialise every generated module. */
    @Benchmark
    public Kernel eager(RetainedHeap heap) throws KernelException {
        Kernel kernel = heap.keep(Kernel.boot(options));
        for (int i = 0; i < modules; i++) {
            kernel.modules().modprobe(GeneratedModules.name(i), Map.of());
        }
        return kernel;
    }
}
