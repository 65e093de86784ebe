package org.devmodel.vfio.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.devmodel.core.KernelException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class EventFdTest {
    private ModelKernel model;

    @BeforeEach
    void boot() throws KernelException {
        model = ModelKernel.withVfioLoaded();
    }

    @AfterEach
    void shutDown() {
        model.close();
    }

    @Test
    void pollsZeroUntilSignalledThenTheCountWhichItResets() throws KernelException {
        try (EventFd eventfd = EventFd.create(model.process())) {
            assertThat(eventfd.poll()).isZero();
            signal(eventfd, 3);
            assertThat(eventfd.poll()).isEqualTo(3);
            assertThat(eventfd.poll()).isZero();
        }
    }

    @Test
    void awaitIdlesUntilASignalOrUntilTheStrategyGivesUp() throws Exception {
        try (EventFd eventfd = EventFd.create(model.process())) {
            List<Integer> attempts = new ArrayList<>();
            assertThat(eventfd.await(attempt -> attempts.add(attempt) && attempt < 3)).isZero();
            assertThat(attempts).containsExactly(1, 2, 3);

            assertThat(eventfd.await(attempt -> {
                signal(eventfd, 1);
                return true;
            })).isEqualTo(1);
        }
    }

    @Test
    void sleepingGivesUpOnceTheSleepsAddUpToTheTimeout() throws InterruptedException {
        WaitStrategy strategy = WaitStrategy.sleeping(Duration.ofMillis(1), Duration.ofMillis(3));
        assertThat(strategy.idle(1)).isTrue();
        assertThat(strategy.idle(3)).isTrue();
        assertThat(strategy.idle(4)).isFalse();
        assertThatThrownBy(() -> WaitStrategy.sleeping(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** What the kernel does on an interrupt: adds to the counter ({@code write(2)} of 8 bytes). */
    private void signal(EventFd eventfd, long count) {
        try {
            long buffer = model.process().memory().mmap(8);
            model.process().memory().store(buffer, 8, count);
            model.process().syscalls().write(eventfd.fd(), buffer, 8);
            model.process().memory().munmap(buffer, 8);
        } catch (KernelException e) {
            throw new AssertionError(e);
        }
    }
}
