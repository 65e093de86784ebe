package org.devmodel.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.KernelOptions;
import org.devmodel.pci.Pci;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * Figure 5, group scale: a generated platform of {@code live + 1} functions of model {@code host},
 * each alone in its IOMMU group; {@code live} of them are bound to vfio-pci at set-up, so that many
 * VFIO groups exist. One operation binds the last function to vfio-pci and unbinds it: a VFIO group
 * (with its {@code /dev/vfio/N} node) created and destroyed. {@code bytesPerIdleGroup} is the heap
 * the {@code live} bindings keep, per group.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GroupScaleBenchmark {
    /** The first group id of the generated platform. */
    private static final int FIRST_GROUP = 100;

    @Param({"1000", "10000", "100000"})
    public int live;

    private Kernel kernel;
    private Pci pci;
    private String extra;
    private long bytesPerGroup;

    @Setup(Level.Trial)
    public void bindLive() throws IOException, KernelException {
        Path platform = Files.createTempFile("devmodel-bench", ".platform");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i <= live; i++) {
            text.append(address(i)).append(" group=").append(FIRST_GROUP + i)
                    .append(" model=host vendor=0x1b36 device=0x0005 class=0xff0000\n");
        }
        Files.writeString(platform, text);
        kernel = Kernel.boot(KernelOptions.builder().commandLine("pci.platform=" + platform).build());
        kernel.modules().modprobe("vfio-pci", Map.of());
        pci = kernel.subsystem(Pci.class).orElseThrow();
        for (int i = 0; i <= live; i++) {
            pci.setDriverOverride(address(i), "vfio-pci");
        }
        kernel.settle();
        long before = RetainedHeap.usedAfterGc();
        for (int i = 0; i < live; i++) {
            pci.bind("vfio-pci", address(i));
        }
        kernel.settle();
        bytesPerGroup = (RetainedHeap.usedAfterGc() - before) / live;
        extra = address(live);
    }

    @TearDown(Level.Trial)
    public void close() {
        kernel.close();
    }

    /** {@code DDDD:BB:SS.F} of the {@code i}th function: eight functions a slot, 32 slots a bus, 256 buses a domain. */
    private static String address(int i) {
        return String.format("%04x:%02x:%02x.%x", i >>> 16, (i >>> 8) & 0xff, (i >>> 3) & 0x1f, i & 7);
    }

    /**
     * The heap per idle group, reported beside the time. JMH zeroes it after the iteration's set-up,
     * so each operation stores it again.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class IdleGroups {
        /** Heap retained per bound function with its VFIO group, in bytes. */
        public long bytesPerIdleGroup;
    }

    /** Bind one more function to vfio-pci (a VFIO group appears) and unbind it (the group goes). */
    @Benchmark
    public void createDestroy(IdleGroups idle) throws KernelException {
        idle.bytesPerIdleGroup = bytesPerGroup;
        pci.bind("vfio-pci", extra);
        pci.unbind("vfio-pci", extra);
    }
}
