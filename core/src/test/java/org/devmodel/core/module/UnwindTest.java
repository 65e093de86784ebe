package org.devmodel.core.module;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.log.LogRecord;
import org.junit.jupiter.api.Test;

class UnwindTest {

    @Test
    void undosRunInReverseAndEveryOneRunsWhenSomeThrow() throws KernelException {
        try (Kernel kernel = Kernel.boot()) {
            List<String> ran = new ArrayList<>();
            try (Unwind unwind = new Unwind(kernel.log(), "fixture")) {
                unwind.onError(() -> ran.add("first"));
                unwind.onError(() -> {
                    throw new IllegalStateException("second");
                });
                unwind.onError(() -> ran.add("third"));
                unwind.onError(() -> {
                    throw new IllegalStateException("fourth");
                });
            }
            assertThat(ran).containsExactly("third", "first");
            assertThat(kernel.log().records()).map(LogRecord::text).containsSubsequence(
                    "BUG: fixture: undo threw java.lang.IllegalStateException: fourth",
                    "BUG: fixture: undo threw java.lang.IllegalStateException: second");
        }
    }

    @Test
    void aCommittedUnwindRunsNothing() throws KernelException {
        try (Kernel kernel = Kernel.boot()) {
            List<String> ran = new ArrayList<>();
            try (Unwind unwind = new Unwind(kernel.log(), "fixture")) {
                unwind.onError(() -> ran.add("undo"));
                unwind.commit();
            }
            assertThat(ran).isEmpty();
        }
    }
}
