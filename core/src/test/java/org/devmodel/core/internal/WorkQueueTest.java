package org.devmodel.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class WorkQueueTest {

    @Test
    void workRunsInOrderAndFlushWaitsForIt() throws InterruptedException {
        List<Integer> ran = new CopyOnWriteArrayList<>();
        try (WorkQueue queue = new WorkQueue("kworker/test")) {
            for (int i = 0; i < 5; i++) {
                int n = i;
                queue.queue(() -> ran.add(n));
            }
            queue.flush();
            assertThat(ran).containsExactly(0, 1, 2, 3, 4);
            assertThat(queue.idle()).isTrue();
        }
    }

    @Test
    void workQueuedAfterCloseIsDroppedAndLeavesTheQueueIdle() throws InterruptedException {
        List<String> ran = new CopyOnWriteArrayList<>();
        WorkQueue queue = new WorkQueue("kworker/test");
        queue.close();

        queue.queue(() -> ran.add("late"));
        queue.flush();

        assertThat(ran).isEmpty();
        assertThat(queue.idle()).isTrue();
    }
}
