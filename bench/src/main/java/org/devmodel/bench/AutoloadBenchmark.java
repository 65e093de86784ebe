package org.devmodel.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.KernelOptions;
import org.devmodel.core.fs.OpenFlags;
import org.devmodel.core.proc.Credentials;
import org.devmodel.core.proc.Task;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Figure 2: the first {@code open("/dev/vfio/vfio")} on a freshly booted kernel, which loads
 * {@code vfio} and, through its request, the type1 backend ({@code settle} waits for that request),
 * with the modules taken from the boot layer ({@code source=boot}) or from jars in a modules
 * directory, each defined in a layer of its own ({@code source=jar}). The kernel is booted before
 * each invocation, untimed; the JVM is warm after the warm-up iterations, so this is a cold kernel
 * in a warm JVM. {@link DispatchBenchmark#openClose} is the warm open.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@Warmup(iterations = 20)
@Measurement(iterations = 20)
@Fork(1)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AutoloadBenchmark {
    /** The VFIO modules a modules directory holds for {@code source=jar}. */
    private static final List<String> VFIO_MODULES = List.of("org.devmodel.vfio", "org.devmodel.vfio.iommu.type1",
            "org.devmodel.vfio.pci");

    @Param({"boot", "jar"})
    public String source;

    private KernelOptions options;
    private Kernel kernel;
    private Task task;

    @Setup(Level.Trial)
    public void modulesDirectory() throws IOException {
        if (source.equals("boot")) {
            options = KernelOptions.defaults();
            return;
        }
        Path directory = Files.createTempDirectory("devmodel-bench-vfio");
        for (String module : VFIO_MODULES) {
            Path jar = ModuleLayer.boot().configuration().findModule(module).orElseThrow().reference().location()
                    .map(Path::of).orElseThrow();
            Files.copy(jar, directory.resolve(jar.getFileName()));
        }
        options = KernelOptions.builder().bootLayerModules(false).modulesDirectory(directory).build();
    }

    @Setup(Level.Invocation)
    public void boot() throws KernelException {
        kernel = Kernel.boot(options);
        task = kernel.spawn(Credentials.ROOT);
    }

    @TearDown(Level.Invocation)
    public void close() {
        kernel.close();
    }

    /** The first open of the control device, and the backend request it starts. */
    @Benchmark
    public int firstOpen() throws KernelException {
        int fd = task.syscalls().open("/dev/vfio/vfio", OpenFlags.O_RDWR);
        kernel.settle();
        return fd;
    }
}
