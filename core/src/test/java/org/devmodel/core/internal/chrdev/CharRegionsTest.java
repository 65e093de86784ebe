package org.devmodel.core.internal.chrdev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;
import org.devmodel.core.DevT;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@link CharRegions} against {@code fs/char_dev.c} of v3.14 (read in a 3.14.4 tree:
 * {@code __register_chrdev_region}, {@code register_chrdev_region}, {@code alloc_chrdev_region},
 * {@code unregister_chrdev_region}, {@code chrdev_show}).
 */
class CharRegionsTest {
    private static final int MINORS_PER_MAJOR = DevT.MINORMASK + 1;

    private final CharRegions regions = new CharRegions(new ReentrantLock());

    private static CharRegion region(int major, int baseminor, int count, String name) {
        return new CharRegion(major, baseminor, count, name);
    }

    private void assertBusy(DevT from, int count) {
        List<CharRegion> before = regions.regions();
        assertThatThrownBy(() -> regions.register(from, count, "late"))
                .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EBUSY));
        assertThat(regions.regions()).isEqualTo(before);
    }

    @Nested
    class Overlap {
        @Test
        void newRangeEndingInsideAnOldOneIsBusy() throws KernelException {
            regions.register(DevT.of(240, 10), 10, "old");

            assertBusy(DevT.of(240, 5), 6);   // 5..10 ends on the old first minor
            assertBusy(DevT.of(240, 5), 15);  // 5..19 ends on the old last minor
        }

        @Test
        void newRangeStartingInsideAnOldOneIsBusy() throws KernelException {
            regions.register(DevT.of(240, 10), 10, "old");

            assertBusy(DevT.of(240, 10), 1);
            assertBusy(DevT.of(240, 19), 5);  // starts on the old last minor
        }

        @Test
        void adjacentRangesAndOtherMajorsAreFree() throws KernelException {
            regions.register(DevT.of(240, 10), 10, "old");

            regions.register(DevT.of(240, 0), 10, "below");
            regions.register(DevT.of(240, 20), 5, "above");
            regions.register(DevT.of(241, 10), 10, "other");

            assertThat(regions.regions()).containsExactly(
                    region(240, 0, 10, "below"), region(240, 10, 10, "old"),
                    region(240, 20, 5, "above"), region(241, 10, 10, "other"));
        }

        /** The v3.14 quirk: only new-max-inside and new-min-inside are tested, not containment. */
        @Test
        void newRangeStrictlyContainingAnOldOneIsAccepted() throws KernelException {
            regions.register(DevT.of(240, 10), 10, "inner");

            regions.register(DevT.of(240, 5), 20, "outer");

            assertThat(regions.regions()).containsExactly(
                    region(240, 5, 20, "outer"), region(240, 10, 10, "inner"));
        }

        /** Only the region the insertion walk stops at is checked, so a range spanning two is caught by the first. */
        @Test
        void rangeBridgingTwoRegionsIsBusy() throws KernelException {
            regions.register(DevT.of(240, 0), 10, "a");
            regions.register(DevT.of(240, 20), 10, "b");

            assertBusy(DevT.of(240, 5), 20);
            assertBusy(DevT.of(240, 10), 15);
        }

        @Test
        void majorsSharingABucketDoNotOverlap() throws KernelException {
            regions.register(DevT.of(10, 0), 256, "misc");
            regions.register(DevT.of(265, 0), 256, "big");

            assertThat(regions.regions()).containsExactly(
                    region(10, 0, 256, "misc"), region(265, 0, 256, "big"));
        }

        @Test
        void bucketStaysSortedByMajorThenMinor() throws KernelException {
            regions.register(DevT.of(520, 0), 1, "c");
            regions.register(DevT.of(265, 7), 1, "b2");
            regions.register(DevT.of(10, 0), 1, "a");
            regions.register(DevT.of(265, 3), 1, "b1");

            assertThat(regions.regions()).extracting(CharRegion::name).containsExactly("a", "b1", "b2", "c");
        }
    }

    @Nested
    class DynamicMajors {
        @Test
        void majorsAreHandedOutFrom254Down() throws KernelException {
            assertThat(regions.allocate(0, 1, "first")).isEqualTo(DevT.of(254, 0));
            assertThat(regions.allocate(5, 3, "second")).isEqualTo(DevT.of(253, 5));
            assertThat(regions.allocate(0, DevT.MINORMASK, "third")).isEqualTo(DevT.of(252, 0));
        }

        @Test
        void aFreedMajorIsReused() throws KernelException {
            DevT first = regions.allocate(0, 1, "first");
            regions.allocate(0, 1, "second");

            regions.unregister(first, 1);

            assertThat(regions.allocate(0, 1, "third")).isEqualTo(first);
        }

        @Test
        void staticMajorsAreSkipped() throws KernelException {
            regions.register(DevT.of(254, 0), 1, "static");

            assertThat(regions.allocate(0, 1, "dynamic")).isEqualTo(DevT.of(253, 0));
        }

        /** 254 + 255 = 509 lands in bucket 254, which then looks taken although major 254 is free. */
        @Test
        void staticMajorAbove254HidesItsBucket() throws KernelException {
            regions.register(DevT.of(509, 0), 1, "high");

            assertThat(regions.allocate(0, 1, "dynamic")).isEqualTo(DevT.of(253, 0));
        }

        @Test
        void countIsStoredWithoutSplitting() throws KernelException {
            DevT dev = regions.allocate(DevT.MINORMASK, 10, "wide");

            assertThat(regions.regions()).containsExactly(region(dev.major(), DevT.MINORMASK, 10, "wide"));
        }

        @Test
        void exhaustionAfter254AllocationsIsBusy() throws KernelException {
            for (int major = 254; major >= 1; major--) {
                assertThat(regions.allocate(0, 1, "d" + major)).isEqualTo(DevT.of(major, 0));
            }

            assertThatThrownBy(() -> regions.allocate(0, 1, "one too many"))
                    .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EBUSY));
            assertThat(regions.regions()).hasSize(254);
        }

        /** Bucket 0 never counts as free: with 1..254 taken, major 0's emptiness does not help. */
        @Test
        void bucketZeroIsNeverAllocated() throws KernelException {
            for (int major = 1; major <= 254; major++) {
                regions.register(DevT.of(major, 0), 1, "s" + major);
            }

            assertThatThrownBy(() -> regions.allocate(0, 1, "dynamic"))
                    .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EBUSY));
        }

        /** {@code register_chrdev_region} passes major 0 on to {@code __register_chrdev_region}, which allocates. */
        @Test
        void registeringMajorZeroAllocatesADynamicMajor() throws KernelException {
            regions.register(DevT.of(0, 4), 2, "zero");

            assertThat(regions.regions()).containsExactly(region(254, 4, 2, "zero"));
        }

        @Test
        void concurrentAllocationsGetDistinctMajors() throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<DevT>> results = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    String name = "t" + i;
                    results.add(pool.submit(() -> regions.allocate(0, 1, name)));
                }
                List<Integer> majors = new ArrayList<>();
                for (Future<DevT> result : results) {
                    majors.add(result.get().major());
                }
                assertThat(majors).doesNotHaveDuplicates().allMatch(m -> m >= 155 && m <= 254);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Nested
    class MultiMajor {
        @Test
        void rangeIsSplitAtMajorBoundaries() throws KernelException {
            regions.register(DevT.of(240, DevT.MINORMASK - 1), 2 + MINORS_PER_MAJOR + 3, "span");

            assertThat(regions.regions()).containsExactly(
                    region(240, DevT.MINORMASK - 1, 2, "span"),
                    region(241, 0, MINORS_PER_MAJOR, "span"),
                    region(242, 0, 3, "span"));
        }

        @Test
        void failingChunkUnregistersTheChunksBeforeIt() throws KernelException {
            regions.register(DevT.of(242, 3), 10, "blocker");

            // Chunks 240 and 241 go in; 242:0+5 ends inside the blocker.
            assertThatThrownBy(() -> regions.register(DevT.of(240, 0), 2 * MINORS_PER_MAJOR + 5, "span"))
                    .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EBUSY));

            assertThat(regions.regions()).containsExactly(region(242, 3, 10, "blocker"));
        }

        @Test
        void unregisterWalksTheSameChunks() throws KernelException {
            DevT from = DevT.of(240, 100);
            regions.register(from, 2 * MINORS_PER_MAJOR, "span");

            regions.unregister(from, 2 * MINORS_PER_MAJOR);

            assertThat(regions.regions()).isEmpty();
        }

        @Test
        void zeroCountRegistersNothing() throws KernelException {
            regions.register(DevT.of(240, 0), 0, "nothing");

            assertThat(regions.regions()).isEmpty();
        }

        @Test
        void rangePastTheLastDevTIsRefused() {
            assertThatThrownBy(() -> regions.register(DevT.of(DevT.MAJORMASK, DevT.MINORMASK), 2, "wrap"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> regions.register(DevT.of(240, 0), -1, "negative"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Unregister {
        @Test
        void mismatchIsIgnored() throws KernelException {
            regions.register(DevT.of(240, 0), 10, "exact");

            regions.unregister(DevT.of(240, 0), 9);
            regions.unregister(DevT.of(240, 1), 9);
            regions.unregister(DevT.of(241, 0), 10);
            regions.unregister(DevT.of(495, 0), 10);  // same bucket, other major

            assertThat(regions.regions()).containsExactly(region(240, 0, 10, "exact"));
        }

        @Test
        void exactMatchIsRemovedAndOthersStay() throws KernelException {
            regions.register(DevT.of(240, 0), 10, "first");
            regions.register(DevT.of(240, 10), 10, "second");

            regions.unregister(DevT.of(240, 10), 10);

            assertThat(regions.regions()).containsExactly(region(240, 0, 10, "first"));
        }
    }

    @Nested
    class Names {
        @Test
        void nameIsCutTo63Bytes() throws KernelException {
            regions.register(DevT.of(240, 0), 1, "n".repeat(70));
            regions.register(DevT.of(241, 0), 1, "m".repeat(63));

            assertThat(regions.regions()).extracting(CharRegion::name)
                    .containsExactly("n".repeat(63), "m".repeat(63));
        }

        /** 62 ASCII bytes leave one byte, too few for the two of "é": the character is dropped whole. */
        @Test
        void multiByteCharacterIsNotSplit() throws KernelException {
            regions.register(DevT.of(240, 0), 1, "a".repeat(62) + "é");

            assertThat(regions.regions()).extracting(CharRegion::name).containsExactly("a".repeat(62));
        }
    }

    /**
     * {@code /proc/devices}. Format checked in v3.14-era {@code fs/proc/devices.c}
     * ({@code devinfo_show}: {@code "Character devices:\n"} before bucket 0, {@code "\nBlock
     * devices:\n"} before the first block major) and {@code fs/char_dev.c} ({@code chrdev_show}:
     * {@code "%3d %s\n"} for every entry of bucket {@code offset}, in list order).
     */
    @Nested
    class ProcDevices {
        @Test
        void emptyRegistryHasBothHeadings() {
            assertThat(regions.procDevicesText()).isEqualTo("Character devices:\n\nBlock devices:\n");
        }

        @Test
        void entriesAreListedByBucketWithWidthThreeMajors() throws KernelException {
            regions.allocate(0, 1, "vfio");
            regions.register(DevT.of(10, 0), 256, "misc");
            regions.register(DevT.of(1, 0), 256, "mem");
            regions.register(DevT.of(4, 64), 4, "ttyS");
            regions.register(DevT.of(128, 0), 8, "ptm");

            assertThat(regions.procDevicesText()).isEqualTo(
                    "Character devices:\n"
                            + "  1 mem\n"
                            + "  4 ttyS\n"
                            + " 10 misc\n"
                            + "128 ptm\n"
                            + "254 vfio\n"
                            + "\n"
                            + "Block devices:\n");
        }

        @Test
        void regionSpanningTwoMajorsIsPrintedOncePerChunk() throws KernelException {
            regions.register(DevT.of(240, DevT.MINORMASK), 2, "span");

            assertThat(regions.procDevicesText())
                    .isEqualTo("Character devices:\n240 span\n241 span\n\nBlock devices:\n");
        }

        /** Majors above 254 are printed in full, in the bucket they hash to, after smaller majors there. */
        @Test
        void highMajorIsListedWithItsBucket() throws KernelException {
            regions.register(DevT.of(1000, 0), 1, "high");   // 1000 % 255 = 235
            regions.register(DevT.of(235, 0), 1, "low");
            regions.register(DevT.of(240, 0), 1, "after");

            assertThat(regions.procDevicesText()).isEqualTo(
                    "Character devices:\n235 low\n1000 high\n240 after\n\nBlock devices:\n");
        }

        @Test
        void aMajorWithSeveralRegionsAppearsSeveralTimes() throws KernelException {
            regions.register(DevT.of(4, 64), 4, "ttyS");
            regions.register(DevT.of(4, 0), 64, "tty");

            assertThat(regions.procDevicesText())
                    .isEqualTo("Character devices:\n  4 tty\n  4 ttyS\n\nBlock devices:\n");
        }
    }
}
