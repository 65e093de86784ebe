package org.devmodel.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devmodel.it.Fixtures.CHARDEV;

import java.util.Map;
import org.devmodel.core.Kernel;
import org.devmodel.core.fault.FaultRule;
import org.devmodel.core.fault.InjectedFault;
import org.devmodel.core.snapshot.KernelSnapshot;
import org.junit.jupiter.api.Test;

/** fixture_chardev's init failing at each of its acquisitions in turn: the errno reaches modprobe and nothing is left. */
class InitFaultTest {

    @Test
    void anInitFailureAtEachStepLeavesNothingBehind() throws Exception {
        int failures = 0;
        for (int step = 1; ; step++) {
            try (Kernel kernel = Kernel.boot(Fixtures.boot(CHARDEV))) {
                KernelSnapshot before = kernel.snapshot();
                InjectedFault fault = kernel.faults().arm(FaultRule.atStep(CHARDEV, step));
                int status = kernel.requestModule(Fixtures.CHARDEV);
                if (fault.injected().isEmpty()) {
                    assertThat(status).isZero();
                    break;
                }
                failures++;
                assertThat(status).as("step %d", step).isEqualTo(256);
                assertThat(kernel.modules().find(CHARDEV)).isEmpty();
                assertThat(kernel.ledger().outstanding(CHARDEV)).as("step %d", step).isEmpty();
                assertThat(kernel.snapshot()).as("step %d", step).isEqualTo(before);
                assertThat(kernel.vfs().exists("/sys/module/fixture_chardev")).isFalse();
                assertThat(kernel.modules().modprobe(CHARDEV, Map.of())).containsExactly(CHARDEV);
            }
        }
        assertThat(failures).isEqualTo(4);
    }
}
