package org.devmodel.it.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.devmodel.it.testkit.fixtures.CorrectModule;
import org.devmodel.it.testkit.fixtures.DoubleRelease;
import org.devmodel.it.testkit.fixtures.ExitForgets;
import org.devmodel.it.testkit.fixtures.SkippedRelease;
import org.devmodel.it.testkit.fixtures.StickyState;
import org.devmodel.it.testkit.fixtures.WrongObject;
import org.devmodel.it.testkit.fixtures.WrongOrder;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The testkit's sweep run on the {@code buggy} fixture module through the JUnit Platform: it passes
 * the correct module with one invocation per init step plus two, and fails each planted mistake with
 * a message that names it.
 */
class InitFaultSweepTest {

    private static EngineExecutionResults sweep(Class<?> fixture) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute();
    }

    private static List<String> names(EngineExecutionResults results) {
        return results.testEvents().started().stream().map(e -> e.getTestDescriptor().getDisplayName()).toList();
    }

    private static List<String> failures(EngineExecutionResults results) {
        return results.testEvents().failed().stream().map(InitFaultSweepTest::message).toList();
    }

    private static String message(Event event) {
        return event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
                .map(Throwable::getMessage).orElse("");
    }

    @Test
    void aCorrectModuleGetsOneInvocationPerStepPlusTheStepAfterTheLastAndTheSuccessPath() {
        EngineExecutionResults results = sweep(CorrectModule.class);
        results.testEvents().assertStatistics(stats -> stats.started(6).succeeded(6).failed(0));
        assertThat(names(results)).containsExactly(
                "fail class_create (step 1) -> ENOMEM",
                "fail class_create (step 2) -> ENOMEM",
                "fail register_chrdev_region (step 3) -> EBUSY",
                "fail cdev_add (step 4) -> ENOMEM",
                "fail step 5 -> nothing left to fail",
                "no fault: init, exit, init again");
    }

    @Test
    void theLoadersFixtureCharDriverShowsOneInvocationPerStepAndTheSuccessPathAllGreen() {
        EngineExecutionResults results = sweep(ChardevSweepTest.class);
        results.testEvents().assertStatistics(stats -> stats.started(6).succeeded(6));
        assertThat(names(results)).containsExactly(
                "fail register_chrdev_region (step 1) -> EBUSY",
                "fail cdev_add (step 2) -> ENOMEM",
                "fail class_create (step 3) -> ENOMEM",
                "fail device_create (step 4) -> ENOMEM",
                "fail step 5 -> nothing left to fail",
                "no fault: init, exit, init again");
    }

    @Test
    void anUnwindThatSkipsAReleaseIsReportedAsTheLeakedResource() {
        List<String> failures = failures(sweep(SkippedRelease.class));
        assertThat(failures).hasSize(3).allSatisfy(m -> assertThat(m)
                .contains("buggy left kernel state behind:", "+ classes: buggy_a",
                        "acquisitions never released:", "class_create(class buggy_a)"));
        assertThat(failures.get(0)).startsWith("fail class_create (step 2) -> ENOMEM: ");
    }

    @Test
    void anUnwindInTheWrongOrderShowsBothSequences() {
        List<String> failures = failures(sweep(WrongOrder.class));
        assertThat(failures).hasSize(2);
        assertThat(failures.get(0)).isEqualTo("fail register_chrdev_region (step 3) -> EBUSY:"
                + " buggy released in the wrong order or the wrong things\n"
                + "  expected (reverse of its acquisitions): [class buggy_b, class buggy_a]\n"
                + "  actual releases:                        [class buggy_a, class buggy_b]");
    }

    @Test
    void releasingTheWrongOneOfTwoClassesIsCaught() {
        List<String> failures = failures(sweep(WrongObject.class));
        assertThat(failures).hasSize(3).allSatisfy(m -> assertThat(m).contains("+ classes: buggy_a"));
        assertThat(failures.get(1)).contains("fail register_chrdev_region (step 3)");
    }

    @Test
    void releasingOneThingTwiceIsCaught() {
        List<String> failures = failures(sweep(DoubleRelease.class));
        assertThat(failures).containsExactly("fail cdev_add (step 4) -> ENOMEM:"
                + " buggy released in the wrong order or the wrong things\n"
                + "  expected (reverse of its acquisitions): [chrdev_region 240:0+4, class buggy_b, class buggy_a]\n"
                + "  actual releases:                        [chrdev_region 240:0+4, chrdev_region 240:0+4,"
                + " class buggy_b, class buggy_a]");
    }

    @Test
    void anExitThatForgetsAReleaseFailsTheSuccessPath() {
        EngineExecutionResults results = sweep(ExitForgets.class);
        results.testEvents().assertStatistics(stats -> stats.started(6).succeeded(5).failed(1));
        assertThat(failures(results)).singleElement().asString()
                .startsWith("no fault: init, exit, init again: buggy released in the wrong order or the wrong things")
                .contains("expected (reverse of its acquisitions): [cdev 240:0+4, chrdev_region 240:0+4,");
    }

    @Test
    void anInitThatLeavesStateBehindFailsWhenItRunsAgain() {
        assertThat(failures(sweep(StickyState.class))).singleElement().asString()
                .isEqualTo("no fault: init, exit, init again: init after exit of buggy failed:"
                        + " EBUSY (Device or resource busy)");
    }
}
