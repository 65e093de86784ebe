package org.devmodel.misc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DynamicMinorsTest {

    @Test
    void allocatesFrom63DownAndRunsOutAfter64() {
        DynamicMinors minors = new DynamicMinors();
        int[] first64 = IntStream.range(0, 64).map(i -> minors.allocate().orElseThrow()).toArray();
        assertThat(first64).startsWith(63, 62, 61).endsWith(1, 0);
        assertThat(minors.allocate()).isEmpty();
    }

    @Test
    void aFreedMinorIsTheNextOneHandedOut() {
        DynamicMinors minors = new DynamicMinors();
        IntStream.range(0, 10).forEach(i -> minors.allocate());
        minors.free(60);
        assertThat(minors.allocate()).isEqualTo(OptionalInt.of(60));
        assertThat(minors.allocate()).isEqualTo(OptionalInt.of(53));
    }

    @Test
    void freeingAMinorOf64OrMoreChangesNothing() {
        DynamicMinors minors = new DynamicMinors();
        minors.allocate();
        minors.free(64);
        minors.free(196);
        assertThat(minors.allocate()).isEqualTo(OptionalInt.of(62));
    }
}
