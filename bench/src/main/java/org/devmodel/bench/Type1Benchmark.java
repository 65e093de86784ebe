package org.devmodel.bench;

import java.util.concurrent.TimeUnit;
import org.devmodel.core.KernelException;
import org.devmodel.core.device.Device;
import org.devmodel.core.mem.StructValue;
import org.devmodel.core.proc.Syscalls;
import org.devmodel.iommu.Iommu;
import org.devmodel.pci.Pci;
import org.devmodel.vfio.uapi.VfioIoctls;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * Figure 6, DMA scale. The type1 backend through the container fd: map and unmap one 4 KiB page,
 * and a device's DMA write translated through the IOMMU, in a container that already holds
 * {@code mappings} one-page mappings (separated by one-page holes, so none coalesce). The page
 * mapped and unmapped goes into the middle hole, so the lookups walk the full depth of the mapping
 * tree. {@link FloorBenchmark#copy4k} is the floor of the 4 KiB DMA.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class Type1Benchmark {
    private static final int PAGE = VfioProcess.PAGE;
    /** The filler mappings start at 4 GiB; the DMA target lies below them. */
    private static final long FILLER_IOVA = 1L << 32;
    private static final long DMA_IOVA = 0x10000;

    @Param({"0", "1000", "100000", "1000000"})
    public int mappings;

    private VfioProcess process;
    private Syscalls sys;
    private int container;
    private int mapDma;
    private int unmapDma;
    private long mapArgument;
    private long unmapArgument;
    private Iommu iommu;
    private Device edu;
    private final byte[] page = new byte[PAGE];
    private final byte[] word = new byte[8];

    @Setup
    public void setUp() throws Exception {
        process = new VfioProcess();
        sys = process.task.syscalls();
        container = process.container;
        mapDma = VfioIoctls.VFIO_IOMMU_MAP_DMA;
        unmapDma = VfioIoctls.VFIO_IOMMU_UNMAP_DMA;

        // Filler mappings share the region's first page; the measured one maps its third, so its
        // user address abuts no neighbour's either.
        long region = process.mmap(3 * PAGE);
        long filler = process.mapArgument(region, 0);
        StructValue map = VfioProcess.mapStruct(region, 0);
        for (int i = 0; i < mappings; i++) {
            map.set("iova", FILLER_IOVA + 2L * PAGE * i).copyToUser(process.task.memory(), filler);
            sys.ioctl(container, mapDma, filler);
        }
        long hole = FILLER_IOVA + 2L * PAGE * (mappings / 2) + PAGE;
        mapArgument = process.mapArgument(region + 2 * PAGE, hole);
        unmapArgument = process.unmapArgument(hole);

        sys.ioctl(container, mapDma, process.mapArgument(process.mmap(PAGE), DMA_IOVA));
        iommu = process.kernel.subsystem(Iommu.class).orElseThrow();
        edu = process.kernel.subsystem(Pci.class).orElseThrow().function(VfioProcess.EDU).orElseThrow().device();
        iommu.dmaWrite(edu, DMA_IOVA, page);
    }

    @TearDown
    public void tearDown() {
        process.close();
    }

    /** {@code ioctl(container, VFIO_IOMMU_MAP_DMA)} then {@code VFIO_IOMMU_UNMAP_DMA} of one page. */
    @Benchmark
    public long mapUnmap4k() throws KernelException {
        sys.ioctl(container, mapDma, mapArgument);
        return sys.ioctl(container, unmapDma, unmapArgument);
    }

    /**
     * edu writes 8 bytes at a mapped IOVA: the IOVA translation, with the dispatch around it and a
     * copy too small to matter.
     */
    @Benchmark
    public void translate() throws KernelException {
        iommu.dmaWrite(edu, DMA_IOVA, word);
    }

    /** edu writes 4 KiB at a mapped IOVA: translation through the type1 domain and the copy. */
    @Benchmark
    public void dmaWrite4k() throws KernelException {
        iommu.dmaWrite(edu, DMA_IOVA, page);
    }
}
