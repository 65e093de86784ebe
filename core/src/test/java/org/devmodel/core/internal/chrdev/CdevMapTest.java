package org.devmodel.core.internal.chrdev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.devmodel.core.DevT;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@link CdevMap} against {@code drivers/base/map.c} of v3.14 ({@code kobj_map},
 * {@code kobj_unmap}, {@code kobj_lookup}, {@code kobj_map_init}) and {@code base_probe} in
 * {@code fs/char_dev.c}, read in a 3.14.4 tree.
 */
class CdevMapTest {
    private static final long MINORS_PER_MAJOR = DevT.MINORMASK + 1L;

    private final ReentrantLock lock = new ReentrantLock();
    private final Requests requests = new Requests();
    private final CdevMap<String> map = new CdevMap<>(lock, requests);

    /** A {@code request_module} stand-in: records aliases, returns a set status, may act like a module's init. */
    private final class Requests implements ModuleRequester {
        final List<String> aliases = new ArrayList<>();
        final Map<String, Integer> status = new HashMap<>();
        final Map<String, Runnable> init = new HashMap<>();
        boolean lockWasHeld;

        @Override
        public int request(String alias) {
            aliases.add(alias);
            lockWasHeld |= lock.isLocked();
            init.getOrDefault(alias, () -> { }).run();
            return status.getOrDefault(alias, 0);
        }
    }

    @Nested
    class Lookup {
        @Test
        void mappedTargetIsFoundWithoutAnyRequest() {
            map.map(DevT.of(240, 0), 4, "cdev");

            assertThat(map.lookup(DevT.of(240, 3))).contains("cdev");
            assertThat(requests.aliases).isEmpty();
        }

        @Test
        void narrowestRangeWinsWhateverTheOrder() {
            map.map(DevT.of(10, 0), 256, "misc");
            map.map(DevT.of(10, 196), 1, "vfio");
            map.map(DevT.of(11, 0), 1, "narrow");
            map.map(DevT.of(11, 0), 256, "wide");

            assertThat(map.lookup(DevT.of(10, 196))).contains("vfio");
            assertThat(map.lookup(DevT.of(10, 195))).contains("misc");
            assertThat(map.lookup(DevT.of(11, 0))).contains("narrow");
            assertThat(map.lookup(DevT.of(11, 1))).contains("wide");
        }

        @Test
        void amongEqualRangesTheLatestWins() {
            map.map(DevT.of(240, 0), 8, "first");
            map.map(DevT.of(240, 0), 8, "second");

            assertThat(map.lookup(DevT.of(240, 0))).contains("second");
        }

        @Test
        void rangeSpanningMajorsIsFoundInEach() {
            map.map(DevT.of(240, DevT.MINORMASK), 2, "span");

            assertThat(map.lookup(DevT.of(240, DevT.MINORMASK))).contains("span");
            assertThat(map.lookup(DevT.of(241, 0))).contains("span");
            assertThat(requests.aliases).isEmpty();
        }

        /** More than 255 majors: bucket 45 holds the probe added for major 45, which also covers 300. */
        @Test
        void rangeOverMoreThan255MajorsCoversThemAll() {
            map.map(DevT.of(1, 0), 300 * MINORS_PER_MAJOR, "huge");

            assertThat(map.lookup(DevT.of(300, 0))).contains("huge");
            assertThat(map.lookup(DevT.of(301, 0))).isEmpty();
        }

        @Test
        void majorSharingABucketIsNotMatched() {
            map.map(DevT.of(265, 0), 1, "high");

            assertThat(map.lookup(DevT.of(10, 0))).isEmpty();
            assertThat(requests.aliases).containsExactly("char-major-10-0");
        }

        /** The base probe starts at dev 1, so 0:0 is covered by nothing at all. */
        @Test
        void deviceZeroRequestsNothing() {
            assertThat(map.lookup(DevT.of(0, 0))).isEmpty();
            assertThat(requests.aliases).isEmpty();

            assertThat(map.lookup(DevT.of(0, 1))).isEmpty();
            assertThat(requests.aliases).containsExactly("char-major-0-1");
        }
    }

    @Nested
    class BaseProbe {
        @Test
        void successfulRequestAsksOnlyForTheMinorAlias() {
            assertThat(map.lookup(DevT.of(240, 0))).isEmpty();

            assertThat(requests.aliases).containsExactly("char-major-240-0");
        }

        @Test
        void failedModprobeAlsoAsksForTheOldMajorAlias() {
            requests.status.put("char-major-240-0", 256);

            assertThat(map.lookup(DevT.of(240, 0))).isEmpty();

            assertThat(requests.aliases).containsExactly("char-major-240-0", "char-major-240");
        }

        @Test
        void negativeErrnoDoesNotAskForTheMajorAlias() {
            requests.status.put("char-major-240-0", -2);

            assertThat(map.lookup(DevT.of(240, 0))).isEmpty();

            assertThat(requests.aliases).containsExactly("char-major-240-0");
        }

        @Test
        void lookupIsRetriedAfterTheModuleMapsItsCdev() {
            requests.init.put("char-major-240-7", () -> map.map(DevT.of(240, 0), 16, "loaded"));

            assertThat(map.lookup(DevT.of(240, 7))).contains("loaded");

            assertThat(requests.aliases).containsExactly("char-major-240-7");
        }

        @Test
        void oldStyleAliasCanLoadTheModule() {
            requests.status.put("char-major-240-7", 256);
            requests.init.put("char-major-240", () -> map.map(DevT.of(240, 0), 256, "old"));

            assertThat(map.lookup(DevT.of(240, 7))).contains("old");

            assertThat(requests.aliases).containsExactly("char-major-240-7", "char-major-240");
        }

        @Test
        void moduleMappingOtherNumbersLeavesTheLookupEmpty() {
            requests.init.put("char-major-240-7", () -> map.map(DevT.of(240, 8), 1, "elsewhere"));

            assertThat(map.lookup(DevT.of(240, 7))).isEmpty();

            assertThat(requests.aliases).containsExactly("char-major-240-7");
        }

        @Test
        void eachLookupRunsTheBaseProbeAgain() {
            map.lookup(DevT.of(240, 0));
            map.lookup(DevT.of(240, 0));

            assertThat(requests.aliases).containsExactly("char-major-240-0", "char-major-240-0");
        }

        @Test
        void requestRunsWithoutTheLock() {
            map.lookup(DevT.of(240, 0));

            assertThat(requests.aliases).isNotEmpty();
            assertThat(requests.lockWasHeld).isFalse();
        }

        @Test
        void numbersAfterAMappingInTheSameMajorStillProbe() {
            map.map(DevT.of(240, 0), 4, "low");

            assertThat(map.lookup(DevT.of(240, 4))).isEmpty();

            assertThat(requests.aliases).containsExactly("char-major-240-4");
        }
    }

    @Nested
    class Unmap {
        @Test
        void unmappedNumbersProbeAgain() {
            map.map(DevT.of(240, DevT.MINORMASK), 2, "span");

            map.unmap(DevT.of(240, DevT.MINORMASK), 2);

            assertThat(map.lookup(DevT.of(241, 0))).isEmpty();
            assertThat(requests.aliases).containsExactly("char-major-241-0");
        }

        @Test
        void mismatchedRangeIsIgnored() {
            map.map(DevT.of(240, 0), 4, "cdev");

            map.unmap(DevT.of(240, 0), 3);
            map.unmap(DevT.of(240, 1), 4);

            assertThat(map.lookup(DevT.of(240, 0))).contains("cdev");
        }

        /** Like {@code kobj_unmap}, only dev and range are compared: the latest of two twins goes. */
        @Test
        void identicalMappingsLoseTheLatestFirst() {
            map.map(DevT.of(240, 0), 8, "first");
            map.map(DevT.of(240, 0), 8, "second");

            map.unmap(DevT.of(240, 0), 8);

            assertThat(map.lookup(DevT.of(240, 0))).contains("first");
        }

        @Test
        void wideMappingIsRemovedFromEveryBucket() {
            map.map(DevT.of(0, 0), 256 * MINORS_PER_MAJOR, "all");
            assertThat(map.lookup(DevT.of(255, 5))).contains("all");

            map.unmap(DevT.of(0, 0), 256 * MINORS_PER_MAJOR);

            assertThat(map.lookup(DevT.of(255, 5))).isEmpty();
            assertThat(map.lookup(DevT.of(3, 5))).isEmpty();
            assertThat(requests.aliases).containsExactly("char-major-255-5", "char-major-3-5");
        }
    }

    @Test
    void rangeMustFitAnUnsignedCount() {
        assertThatThrownBy(() -> map.map(DevT.of(240, 0), 0, "empty")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> map.map(DevT.of(240, 0), 1L << 32, "huge"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> map.unmap(DevT.of(240, 0), -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
