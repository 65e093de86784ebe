package org.devmodel.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devmodel.it.Fixtures.CHARDEV;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.devmodel.core.Errno;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.OpenFlags;
import org.devmodel.core.proc.Credentials;
import org.devmodel.core.proc.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Loads and unloads racing each other: one load per module, parallel loads of different modules, opens racing rmmod. */
class ConcurrencyTest {
    private static final int THREADS = 8;
    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    /** Runs the same task on every thread at once and returns what each returned. */
    private <T> List<T> together(Callable<T> task) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return task.call();
            }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get(10, TimeUnit.SECONDS));
        }
        return results;
    }

    @Test
    void concurrentFirstOpensLoadTheModuleOnce() throws Exception {
        try (Kernel kernel = Kernel.boot(Fixtures.boot(CHARDEV))) {
            List<Integer> fds = together(() -> {
                Task task = kernel.spawn(Credentials.ROOT);
                return task.syscalls().open(Fixtures.NODE, OpenFlags.O_RDWR);
            });
            assertThat(fds).allMatch(fd -> fd == 3);
            assertThat(kernel.modules().find(CHARDEV).orElseThrow().refcount()).isEqualTo(THREADS);
            assertThat(kernel.log().dmesg().split("fixture_chardev: hello", -1)).hasSize(2);
        }
    }

    @Test
    void slowInitsOfDifferentModulesOverlap() throws Exception {
        try (Kernel kernel = Kernel.boot(Fixtures.directory())) {
            Future<List<String>> one = pool.submit(() -> kernel.modules().modprobe("fixture_slow_one", Map.of()));
            Future<List<String>> two = pool.submit(() -> kernel.modules().modprobe("fixture_slow_two", Map.of()));
            assertThat(one.get(10, TimeUnit.SECONDS)).containsExactly("fixture_slow_one");
            assertThat(two.get(10, TimeUnit.SECONDS)).containsExactly("fixture_slow_two");
        }
    }

    @Test
    void anOpenRacingRmmodFailsCleanlyOrKeepsTheModule() throws Exception {
        try (Kernel kernel = Kernel.boot(Fixtures.boot(CHARDEV))) {
            Task task = kernel.spawn(Credentials.ROOT);
            for (int round = 0; round < 200; round++) {
                kernel.modules().modprobe(CHARDEV, Map.of());
                Future<Integer> open = pool.submit(() -> openOrErrno(task));
                Errno rmmod = rmmodOrErrno(kernel);
                int fd = open.get(10, TimeUnit.SECONDS);
                if (fd >= 0) {
                    assertThat(Fixtures.live(kernel, CHARDEV)).as("an open file keeps its module: round %d rmmod %s %s %s",
                            round, rmmod, kernel.modules().find(CHARDEV), kernel.log().dmesg()).isTrue();
                    task.syscalls().close(fd);
                } else {
                    assertThat(-fd).isIn(Errno.ENXIO.number(), Errno.ENODEV.number());
                }
                if (rmmod != null) {
                    assertThat(rmmod).isEqualTo(Errno.EAGAIN);
                }
                if (Fixtures.live(kernel, CHARDEV)) {
                    kernel.modules().rmmod(CHARDEV);
                }
            }
            assertThat(kernel.log().dmesg()).doesNotContain("after its exit");
        }
    }

    private static int openOrErrno(Task task) {
        try {
            return task.syscalls().open(Fixtures.NODE, OpenFlags.O_RDWR);
        } catch (KernelException e) {
            return -e.errno().number();
        }
    }

    private static Errno rmmodOrErrno(Kernel kernel) {
        try {
            kernel.modules().rmmod(CHARDEV);
            return null;
        } catch (KernelException e) {
            return e.errno();
        }
    }
}
