package org.devmodel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every benchmark once, untimed, with its smallest parameters, so none can rot unnoticed; the
 * timed suite never runs in the build.
 */
class SuiteSmokeTest {
    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void everyBenchmarkRunsOnceWithoutError() throws Exception {
        Collection<RunResult> results = Suite.smoke();

        var declared = BenchmarkList.defaultList()
                .getAll(OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), java.util.List.of())
                .stream().map(BenchmarkListEntry::getUsername).distinct().toList();
        assertThat(results).extracting(r -> r.getParams().getBenchmark()).containsAll(declared);
        assertThat(results).allSatisfy(r -> assertThat(r.getPrimaryResult().getScore()).isPositive());
    }
}
