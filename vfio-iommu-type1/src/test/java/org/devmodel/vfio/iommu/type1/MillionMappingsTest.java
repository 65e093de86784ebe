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
 * page, so no two have contiguous user addresses) and fit in the test JVM's default heap. How fast
 * and how small they are is a benchmark's question, not this test's.
 */
class MillionMappingsTest {
    private static final int COUNT = 1_000_000;
    private static final long PAGE = 4096;

    @Test
    void aMillionMappingsFitAndStaySearchable() throws KernelException {
        try (Type1Fixture fixture = Type1Fixture.boot()) {
            DmaUser user = fixture.user(Credentials.ROOT);
            long page = user.buffer(1);
            for (long i = 0; i < COUNT; i++) {
                fixture.type1.doMap(user.task(), page, i * PAGE, PAGE, VfioDma.IOMMU_READ);
            }

            assertThat(fixture.type1.mappingCount()).isEqualTo(COUNT);
            assertThat(fixture.driver.pinning().lockedPages(user.task().memory())).isEqualTo(COUNT);
            assertThat(fixture.type1.domain().translate((COUNT - 1) * PAGE + 8, DmaDirection.READ).orElseThrow().address())
                    .isEqualTo(page + 8);

            assertThat(user.unmap(0, COUNT * PAGE)).isEqualTo(COUNT * PAGE);
            assertThat(fixture.type1.mappingCount()).isZero();
        }
    }
}
