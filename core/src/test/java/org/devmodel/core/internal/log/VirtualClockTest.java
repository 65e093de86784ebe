package org.devmodel.core.internal.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.devmodel.core.Kernel;
import org.devmodel.core.log.LogLevel;
import org.devmodel.core.log.VirtualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The kernel's virtual clock, its timers, and the {@code dmesg} stamps it gives the log. */
class VirtualClockTest {
    private Kernel kernel;
    private VirtualClock clock;
    private final List<String> fired = new ArrayList<>();

    @BeforeEach
    void boot() throws Exception {
        kernel = Kernel.boot();
        clock = kernel.clock();
    }

    @AfterEach
    void shutdown() {
        kernel.close();
    }

    private void at(long millis, String name) {
        clock.schedule(Duration.ofMillis(millis), () -> fired.add(name + "@" + clock.nanoTime() / 1_000_000));
    }

    @Test
    void timeStandsStillUntilAdvanced() {
        long start = clock.nanoTime();
        assertThat(clock.nanoTime()).isEqualTo(start).isZero();
        clock.advance(Duration.ofMillis(250));
        assertThat(clock.nanoTime()).isEqualTo(250_000_000L);
    }

    @Test
    void timersRunInDeadlineOrderEachAtItsDeadline() {
        at(300, "c");
        at(100, "a");
        at(200, "b");

        clock.advance(Duration.ofMillis(250));

        assertThat(fired).containsExactly("a@100", "b@200");
        assertThat(clock.nanoTime()).isEqualTo(250_000_000L);
        assertThat(clock.nextDeadline()).hasValue(300_000_000L);
        clock.advance(Duration.ofMillis(50));
        assertThat(fired).containsExactly("a@100", "b@200", "c@300");
    }

    @Test
    void timersWithOneDeadlineRunInTheOrderTheyWereScheduled() {
        at(100, "first");
        at(100, "second");
        at(100, "third");

        clock.advance(Duration.ofMillis(100));

        assertThat(fired).containsExactly("first@100", "second@100", "third@100");
    }

    @Test
    void aTimerScheduledByATimerRunsInTheSameAdvanceWhenDue() {
        clock.schedule(Duration.ofMillis(10), () -> {
            fired.add("outer@" + clock.nanoTime() / 1_000_000);
            at(20, "inner");
        });
        at(50, "late");

        clock.advance(Duration.ofMillis(100));

        assertThat(fired).containsExactly("outer@10", "inner@30", "late@50");
    }

    @Test
    void aCancelledTimerNeverRuns() {
        VirtualClock.Timer timer = clock.schedule(Duration.ofMillis(10), () -> fired.add("cancelled"));

        assertThat(timer.cancel()).isTrue();
        assertThat(timer.cancel()).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(fired).isEmpty();
        assertThat(clock.nextDeadline()).isEmpty();
    }

    @Test
    void runNextTimerJumpsToTheEarliestDeadline() {
        at(700, "b");
        at(400, "a");

        assertThat(clock.runNextTimer()).isTrue();
        assertThat(fired).containsExactly("a@400");
        assertThat(clock.nanoTime()).isEqualTo(400_000_000L);
        assertThat(clock.runNextTimer()).isTrue();
        assertThat(clock.runNextTimer()).as("nothing pending: a wait would block forever").isFalse();
        assertThat(clock.nanoTime()).isEqualTo(700_000_000L);
    }

    @Test
    void negativeDurationsAreRefused() {
        assertThatThrownBy(() -> clock.advance(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.schedule(Duration.ofMillis(-1), () -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wallTimeStartsAtTheV314Release() {
        assertThat(clock.wallTime()).isEqualTo(Instant.parse("2014-03-30T21:00:00Z"));
        clock.advance(Duration.ofMillis(1500));
        assertThat(clock.wallTime()).isEqualTo(Instant.parse("2014-03-30T21:00:01.500Z"));
    }

    @Test
    void filesShowTheBootWallTime() throws Exception {
        assertThat(kernel.vfs().stat("/proc/devices").modified()).isEqualTo(Instant.parse("2014-03-30T21:00:00Z"));
    }

    @Test
    void dmesgStampsSecondsAndMicrosecondsSinceBootInTheKernelsWidth() {
        clock.advance(Duration.ofMillis(100));
        kernel.log().info("hello");
        clock.advance(Duration.ofNanos(12_345_578_901_999L - 100_000_000L));
        kernel.log().err("later");

        assertThat(kernel.log().dmesg()).startsWith("[    0.000000] Linux version 3.14.0-devmodel")
                .contains("\n[    0.100000] hello\n")
                .endsWith("\n[12345.578901] later\n");
    }

    @Test
    void recordsKeepTheirLevelAndTime() {
        clock.advance(Duration.ofMillis(3));
        kernel.log().warn("careful");

        assertThat(kernel.log().records()).last().satisfies(r -> {
            assertThat(r.level()).isEqualTo(LogLevel.WARNING);
            assertThat(r.level().level()).isEqualTo(4);
            assertThat(r.timestampNanos()).isEqualTo(3_000_000L);
            assertThat(r.text()).isEqualTo("careful");
        });
    }

    @Test
    void eachKernelHasItsOwnClock() throws Exception {
        try (Kernel other = Kernel.boot()) {
            clock.advance(Duration.ofSeconds(5));
            assertThat(other.clock().nanoTime()).isZero();
        }
    }

    @Test
    void advancingPastWhatTheClockCanCountIsRefusedAndLeavesItWhereItWas() {
        ManualClock manual = new ManualClock();
        manual.advance(Duration.ofNanos(Long.MAX_VALUE - 10));

        assertThatThrownBy(() -> manual.advance(Duration.ofNanos(11))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the clock would pass " + Long.MAX_VALUE + " ns after boot");
        assertThatThrownBy(() -> manual.advance(Duration.ofSeconds(Long.MAX_VALUE)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(manual.nanoTime()).isEqualTo(Long.MAX_VALUE - 10);
    }
}
