package org.devmodel.vfio.iommu.type1;

import static org.assertj.core.api.Assertions.assertThat;

import org.devmodel.core.KernelException;
import org.devmodel.core.proc.Credentials;
import org.devmodel.iommu.DmaDirection;
import org.junit.jupiter.api.Test;

/**
 * A million 4 KiB mappings made by {@code vfio_dma_do_map} (the ioctl's struct copying is left out,
 * as it costs the same for every mapping and is tested elsewhere) and removed by one
 * {@code UNMAP_DMA}: they stay separate (every one maps the same user
 * page, so no two have contiguous user addresses), take a bounded amount of heap per mapping, and
 * map, translate and unmap in logarithmic time, so the whole run takes seconds.
 */
class MillionMappingsTest {
    private static final int COUNT = 1_000_000;
    private static final long PAGE = 4096;
    /** Tree entry, boxed key and {@link VfioDma} come to about 104 bytes on a 64-bit JVM with compressed oops. */
    private static final long MAX_BYTES_PER_MAPPING = 128;

    @Test
    void aMillionMappingsFitAndStaySearchable() throws KernelException {
        try (Type1Fixture fixture = Type1Fixture.boot()) {
            DmaUser user = fixture.user(Credentials.ROOT);
            long page = user.buffer(1);
            long before = usedAfterGc();
            long start = System.nanoTime();
            for (long i = 0; i < COUNT; i++) {
                fixture.type1.doMap(user.task(), page, i * PAGE, PAGE, VfioDma.IOMMU_READ);
            }
            long mapped = System.nanoTime() - start;
            long perMapping = (usedAfterGc() - before) / COUNT;

            assertThat(fixture.type1.mappingCount()).isEqualTo(COUNT);
            assertThat(perMapping).as("heap bytes per mapping").isLessThan(MAX_BYTES_PER_MAPPING);
            assertThat(mapped / 1_000_000_000.0).as("seconds to map").isLessThan(10);
            assertThat(fixture.driver.pinning().lockedPages(user.task().memory())).isEqualTo(COUNT);
            assertThat(fixture.type1.domain().translate((COUNT - 1) * PAGE + 8, DmaDirection.READ).orElseThrow().address())
                    .isEqualTo(page + 8);

            assertThat(user.unmap(0, COUNT * PAGE)).isEqualTo(COUNT * PAGE);
            assertThat(fixture.type1.mappingCount()).isZero();
        }
    }

    private static long usedAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
