package org.devmodel.it.vfio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Fuzzing the VFIO stack as a user: random ioctl numbers and struct bytes, short and huge
 * {@code argsz}, bad pointers and random fds against container, group and device fds and type1,
 * with the kernel's invariants checked after each call ({@link FuzzRunner}), on each
 * {@link Platform} (type1 on x86, sPAPR TCE on POWER). A failing program is
 * shrunk ({@link Shrinker}) and printed in the form {@code fuzz-regressions.txt} keeps, where every
 * case found so far is replayed on each build.
 *
 * <p>The build runs {@value #PROGRAMS} programs per platform from a fixed seed; {@code -Ddevmodel.fuzz.programs=N}
 * and {@code -Ddevmodel.fuzz.seed=S} run more or others (see docs/RELIABILITY.md).
 */
class VfioFuzzTest {
    private static final int PROGRAMS = 20;
    private static final int LENGTH = 60;
    private static final long SEED = 0x5eed_2026_1202L;
    private static final long PROGRAM_TIMEOUT_SECONDS = 20;

    private final Path modules = Path.of(System.getProperty("devmodel.modules"));
    private FuzzRunner runner;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "fuzz"));

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    /** Runs a program under a watchdog: a hang fails with every thread's stack. */
    private FuzzRunner.Outcome run(List<FuzzCall> program) throws Exception {
        Future<FuzzRunner.Outcome> outcome = executor.submit(() -> runner.run(program));
        try {
            return outcome.get(PROGRAM_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return fail("program did not finish in " + PROGRAM_TIMEOUT_SECONDS + " s:\n" + text(program) + "\n"
                    + Watchdog.threadDump());
        }
    }

    private static String text(List<FuzzCall> program) {
        return program.stream().map(FuzzCall::toString).collect(Collectors.joining("\n"));
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void keptRegressionCasesPass(Platform platform) throws Exception {
        runner = new FuzzRunner(modules, platform);
        List<List<FuzzCall>> cases;
        try (InputStream in = VfioFuzzTest.class.getResourceAsStream("fuzz-regressions.txt")) {
            assertThat(in).as("fuzz-regressions.txt").isNotNull();
            cases = FuzzCall.parseCases(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertThat(cases).isNotEmpty();
        for (List<FuzzCall> kept : cases) {
            FuzzRunner.Outcome outcome = run(kept);
            assertThat(outcome.failure()).as("kept case\n%s\ntrace %s", text(kept), outcome.trace()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void randomProgramsKeepEveryInvariant(Platform platform) throws Exception {
        runner = new FuzzRunner(modules, platform);
        long seed = Long.getLong("devmodel.fuzz.seed", SEED);
        int programs = Integer.getInteger("devmodel.fuzz.programs", PROGRAMS);
        for (int i = 0; i < programs; i++) {
            List<FuzzCall> program = FuzzRunner.generate(new Random(seed + i), LENGTH);
            Optional<FuzzRunner.Failure> failure = run(program).failure();
            if (failure.isPresent()) {
                String kind = failure.get().kind();
                List<FuzzCall> shrunk = new Shrinker(candidate -> sameFailure(candidate, kind), 400).shrink(program);
                fail(platform + ", seed " + (seed + i) + ": " + failure.get() + "\nshrunk to " + shrunk.size() + " calls ("
                        + run(shrunk).failure().orElseThrow() + "); keep it in fuzz-regressions.txt:\n# "
                        + kind + "\n" + text(shrunk));
            }
        }
        System.out.printf("fuzz on %s: %d programs of %d calls from seed %d: %d calls, results %s%n", platform,
                programs, LENGTH, seed, runner.calls(), runner.results());
        assertThat(runner.calls()).isGreaterThanOrEqualTo((long) programs * LENGTH);
        assertThat(runner.results()).as("some calls succeed, so the programs reach past the first checks")
                .containsKey("ok");
    }

    private boolean sameFailure(List<FuzzCall> candidate, String kind) {
        try {
            return run(candidate).failure().map(f -> f.kind().equals(kind)).orElse(false);
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void theShrinkerKeepsOnlyWhatTheFailureNeeds() {
        FuzzCall open = new FuzzCall(FuzzCall.Op.OPEN, 0, 0, 0);
        FuzzCall culprit = new FuzzCall(FuzzCall.Op.IOCTL, 3, 12345, 0x42);
        Random random = new Random(1);
        List<FuzzCall> program = new ArrayList<>(FuzzRunner.generate(random, 30));
        program.add(7, open);
        program.add(20, culprit);
        // fails when an OPEN comes before an IOCTL whose c is 0x42, whatever its other numbers
        List<FuzzCall> shrunk = new Shrinker(candidate -> {
            int opened = -1;
            for (int i = 0; i < candidate.size(); i++) {
                if (candidate.get(i).op() == FuzzCall.Op.OPEN && opened < 0) {
                    opened = i;
                }
                if (opened >= 0 && candidate.get(i).op() == FuzzCall.Op.IOCTL && candidate.get(i).c() == 0x42) {
                    return true;
                }
            }
            return false;
        }, 1000).shrink(program);

        assertThat(shrunk).containsExactly(new FuzzCall(FuzzCall.Op.OPEN, 0, 0, 0),
                new FuzzCall(FuzzCall.Op.IOCTL, 0, 0, 0x42));
    }

    @Test
    void theType1InvariantsSeeOverlapsAndMiscountedPages() {
        assertThat(FuzzRunner.type1Invariants(List.of("container 1: 0x10000+0x2000 -> 0x7f0000000000 rw",
                "container 2: 0x10000+0x1000 -> 0x7f0000000000 rw", "locked_vm 3 pages"), 0)).isEmpty();
        assertThat(FuzzRunner.type1Invariants(List.of("container 1: 0x10000+0x2000 -> 0x7f0000000000 rw",
                "container 1: 0x11000+0x1000 -> 0x7f0000000000 rw", "locked_vm 3 pages"), 0))
                .hasValueSatisfying(f -> assertThat(f.kind()).isEqualTo("mappings overlap"));
        assertThat(FuzzRunner.type1Invariants(List.of("container 1: 0x10000+0x2000 -> 0x7f0000000000 rw reserved",
                "locked_vm 2 pages"), 0))
                .hasValueSatisfying(f -> assertThat(f.kind()).isEqualTo("locked pages differ from pinned pages"));
    }

    @Test
    void theSpaprInvariantSeesLockedPagesThatAreNotEnabledWindows() {
        assertThat(FuzzRunner.spaprInvariants(List.of("enabled window 0x0+0x80000000, 524288 pages",
                "enabled window 0x0+0x1000000, 4096 pages", "locked_vm 528384 pages"), 0)).isEmpty();
        assertThat(FuzzRunner.spaprInvariants(List.of(), 0)).isEmpty();
        assertThat(FuzzRunner.spaprInvariants(List.of("locked_vm 524288 pages"), 0))
                .hasValueSatisfying(f -> assertThat(f.kind()).isEqualTo("locked pages differ from enabled windows"));
        assertThat(FuzzRunner.spaprInvariants(List.of("enabled window 0x0+0x80000000, 524288 pages"), 0))
                .hasValueSatisfying(f -> assertThat(f.kind()).isEqualTo("locked pages differ from enabled windows"));
    }
}
