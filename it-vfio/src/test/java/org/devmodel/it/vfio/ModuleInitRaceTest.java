package org.devmodel.it.vfio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.devmodel.core.Errno;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.KernelOptions;
import org.devmodel.core.fs.OpenFlags;
import org.devmodel.pci.Pci;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, item 1: while vfio_pci's init is still probing the functions of group 5, a process asks
 * the group for a device fd. The open must not wait for the init under the group's lock (the init
 * needs that lock to add the second function), so the two loop for a while without either side
 * stalling; a watchdog on their progress fails the test with every thread's stack otherwise.
 */
class ModuleInitRaceTest {
    private static final long MILLIS = 3000;
    private static final long STALL_MILLIS = 5000;
    private static final List<String> GROUP_5 = List.of("0000:01:00.0", "0000:01:00.1");

    private final List<String> failures = new CopyOnWriteArrayList<>();

    @Test
    void gettingADeviceFdWhileVfioPciInitProbesTheGroupNeverDeadlocks() throws Exception {
        Watchdog watchdog = new Watchdog();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (Kernel kernel = Kernel.boot(KernelOptions.builder()
                .modulesDirectory(Path.of(System.getProperty("devmodel.modules"))).build())) {
            kernel.modules().modprobe("vfio_iommu_type1", Map.of());
            Pci pci = kernel.subsystem(Pci.class).orElseThrow();
            for (String function : GROUP_5) {
                pci.setDriverOverride(function, "vfio-pci");
            }
            UserspaceDriver user = new UserspaceDriver(kernel);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MILLIS);
            AtomicLong opened = new AtomicLong();
            List<Future<?>> both = new ArrayList<>();
            both.add(threads.submit(() -> cycleVfioPci(kernel, watchdog.counter("modprobe/rmmod"), deadline)));
            both.add(threads.submit(() -> openDevices(user, watchdog.counter("device fds"), opened, deadline)));

            String stalled = watchdog.watch(() -> both.stream().allMatch(Future::isDone), STALL_MILLIS);
            if (stalled != null) {
                fail(stalled + " made no progress for " + STALL_MILLIS + " ms\n" + Watchdog.threadDump());
            }
            for (Future<?> f : both) {
                f.get();
            }
            assertThat(failures).isEmpty();
            assertThat(opened.get()).as("device fds opened while vfio_pci came and went").isPositive();
        } finally {
            threads.shutdownNow();
        }
    }

    /** modprobe vfio-pci (its init binds both functions) and rmmod it, again and again. */
    private void cycleVfioPci(Kernel kernel, AtomicLong progress, long deadline) {
        while (System.nanoTime() < deadline && failures.isEmpty()) {
            expectErrnos("modprobe", () -> kernel.modules().modprobe("vfio-pci", Map.of()));
            expectErrnos("rmmod", () -> kernel.modules().rmmod("vfio_pci"), Errno.EAGAIN);
            progress.incrementAndGet();
        }
    }

    /** Container, group 5, SET_CONTAINER, SET_IOMMU, GET_DEVICE_FD, then close everything. */
    private void openDevices(UserspaceDriver user, AtomicLong progress, AtomicLong opened, long deadline) {
        while (System.nanoTime() < deadline && failures.isEmpty()) {
            List<Integer> fds = new ArrayList<>();
            expectErrnos("device fd", () -> {
                fds.add(user.task.syscalls().open("/dev/vfio/vfio", OpenFlags.O_RDWR));
                fds.add(user.task.syscalls().open("/dev/vfio/5", OpenFlags.O_RDWR));
                user.ioctlIntPointer(fds.get(1), "VFIO_GROUP_SET_CONTAINER", fds.get(0));
                user.ioctl(fds.get(0), "VFIO_SET_IOMMU", user.constant("VFIO_TYPE1_IOMMU"));
                fds.add((int) user.ioctlString(fds.get(1), "VFIO_GROUP_GET_DEVICE_FD", GROUP_5.get(0)));
                opened.incrementAndGet();
            }, Errno.ENOENT, Errno.ENODEV, Errno.EINVAL, Errno.EPERM, Errno.EBUSY);
            for (int i = fds.size() - 1; i >= 0; i--) {
                int fd = fds.get(i);
                expectErrnos("close", () -> user.task.syscalls().close(fd));
            }
            progress.incrementAndGet();
        }
    }

    private interface Call {
        void run() throws KernelException;
    }

    /** Runs a call; an errno outside the expected ones, or any other exception, is a failure. */
    private void expectErrnos(String what, Call call, Errno... expected) {
        try {
            call.run();
        } catch (KernelException e) {
            if (!List.of(expected).contains(e.errno())) {
                failures.add(what + ": " + e);
            }
        } catch (RuntimeException | Error e) {
            failures.add(what + ": escaped " + e);
        }
    }
}
