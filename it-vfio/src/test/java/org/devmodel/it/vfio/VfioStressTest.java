package org.devmodel.it.vfio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.devmodel.core.Errno;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.fault.FaultRule;
import org.devmodel.core.fault.InjectedFault;
import org.devmodel.core.snapshot.KernelSnapshot;
import org.devmodel.pci.Pci;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Stress: eight processes, each on its own thread, open containers and groups, set containers and
 * the IOMMU, map and unmap DMA, get device fds, read and write regions and close in random order,
 * while one thread loads and unloads vfio, the platform's IOMMU backend (vfio_iommu_type1 on x86,
 * vfio_iommu_spapr_tce on POWER) and vfio_pci and another binds and unbinds the functions. Every call must end in success or an errno other than EIO (the driver
 * gate's answer to a driver bug), with no exception escaping; a watchdog fails the test with every
 * thread's stack when a thread makes no progress for {@value #STALL_MILLIS} ms; faults are injected
 * into the modules' acquisitions as they come and go; after closing and unloading, the snapshot must
 * equal the one taken at boot.
 *
 * <p>The build runs {@value #SECONDS} s per platform, the invariants checked being the backend's
 * ({@link Platform}); {@code -Ddevmodel.stress.seconds=N} runs longer and
 * {@code -Ddevmodel.stress.seed=S} repeats a seed (the interleaving still varies).
 */
class VfioStressTest {
    private static final long SECONDS = 3;
    private static final long STALL_MILLIS = 5000;
    private static final int WORKERS = 8;
    /**
     * Fault sites each module's init passes (vfio_pci's probes make VFIO groups: a minor and a node);
     * either backend's init registers it with vfio.
     */
    private static final Map<String, List<String>> FAULT_SITES = Map.of(
            "vfio", List.of("misc_register", "class_create", "alloc_chrdev_region", "cdev_add"),
            "vfio_iommu_type1", List.of("vfio_register_iommu_driver"),
            "vfio_iommu_spapr_tce", List.of("vfio_register_iommu_driver"),
            "vfio_pci", List.of("pci_register_driver", "idr_alloc", "device_create"));

    private final Path modules = Path.of(System.getProperty("devmodel.modules"));
    private final Map<String, Long> results = new ConcurrentHashMap<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final Watchdog watchdog = new Watchdog();
    private final AtomicLong faultsInjected = new AtomicLong();

    private void count(String result) {
        results.merge(result, 1L, Long::sum);
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void eightProcessesWithModuleAndBindingChurnLoseNothing(Platform platform) throws Exception {
        long seed = Long.getLong("devmodel.stress.seed", System.nanoTime());
        long seconds = Long.getLong("devmodel.stress.seconds", SECONDS);
        Kernel kernel = Kernel.boot(platform.options(modules));
        ExecutorService threads = Executors.newCachedThreadPool();
        try {
            KernelSnapshot boot = kernel.snapshot();
            kernel.modules().modprobe("vfio-pci", Map.of());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            List<FuzzProcess> processes = new ArrayList<>();
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                FuzzProcess process = new FuzzProcess(kernel, platform, new UserspaceDriver(kernel), this::count);
                processes.add(process);
                Random random = new Random(seed + w);
                AtomicLong progress = watchdog.counter("process " + w);
                running.add(threads.submit(() -> work(process, random, progress, deadline)));
            }
            running.add(threads.submit(() -> churnModules(kernel, platform, new Random(seed - 1), deadline)));
            running.add(threads.submit(() -> churnBindings(kernel, new Random(seed - 2), deadline)));

            String stalled = watchdog.watch(() -> running.stream().allMatch(Future::isDone), STALL_MILLIS);
            if (stalled != null) {
                fail("seed " + seed + ": " + stalled + " made no progress for " + STALL_MILLIS + " ms\n"
                        + Watchdog.threadDump());
            }
            for (Future<?> f : running) {
                f.get();
            }
            assertThat(failures).as("seed %d: failures", seed).isEmpty();

            processes.forEach(process -> kernel.exit(process.task()));
            unloadEverything(kernel, platform);
            assertThat(kernel.snapshot()).as("seed %d: the snapshot after closing and unloading", seed).isEqualTo(boot);
            long calls = results.values().stream().mapToLong(Long::longValue).sum();
            System.out.printf("stress on %s: seed %d, %d s, %d processes + module and binding threads: %d calls, %s,"
                    + " %d faults injected%n", platform, seed, seconds, WORKERS, calls, new TreeMap<>(results), faultsInjected.get());
            assertThat(results).containsKey("ok");
        } finally {
            threads.shutdownNow();
            kernel.close();
        }
    }

    private void work(FuzzProcess process, Random random, AtomicLong progress, long deadline) {
        for (int i = 0; System.nanoTime() < deadline && failures.isEmpty(); i++) {
            FuzzCall call = FuzzRunner.generate(random, 1).get(0);
            Optional<FuzzRunner.Failure> failure = process.execute(call, i, new ArrayList<>(1));
            failure.ifPresent(f -> failures.add(call + ": " + f));
            progress.incrementAndGet();
        }
    }

    /**
     * modprobe and rmmod of vfio, the platform's backend and vfio_pci in random order; before a third of
     * the modprobes of a module not loaded, a fault is armed at a site its init passes, and disarmed
     * after if it did not fire: it fires at the next acquisition there, the init's or one a call from
     * another thread makes meanwhile (a group's minor, say).
     */
    private void churnModules(Kernel kernel, Platform platform, Random random, long deadline) {
        AtomicLong progress = watchdog.counter("modules");
        String backend = platform.backend();
        List<String> ops = List.of("+vfio", "+" + backend, "+vfio-pci", "-vfio_pci", "-" + backend, "-vfio");
        while (System.nanoTime() < deadline && failures.isEmpty()) {
            String op = ops.get(random.nextInt(ops.size()));
            String module = op.substring(1).replace('-', '_');
            List<String> sites = FAULT_SITES.get(module);
            Optional<InjectedFault> fault = op.startsWith("+") && kernel.modules().find(module).isEmpty()
                    && random.nextInt(3) == 0
                    ? Optional.of(kernel.faults().arm(FaultRule.atSite(sites.get(random.nextInt(sites.size())))))
                    : Optional.empty();
            guarded("module " + op, () -> {
                if (op.startsWith("+")) {
                    kernel.modules().modprobe(module, Map.of());
                } else {
                    kernel.modules().rmmod(module);
                }
            });
            fault.ifPresent(f -> {
                f.disarm();
                if (f.fired()) {
                    faultsInjected.incrementAndGet();
                }
            });
            progress.incrementAndGet();
        }
    }

    /** driver_override and bind, or unbind, of the three functions of groups 3 and 5. */
    private void churnBindings(Kernel kernel, Random random, long deadline) {
        AtomicLong progress = watchdog.counter("bindings");
        Pci pci = kernel.subsystem(Pci.class).orElseThrow();
        while (System.nanoTime() < deadline && failures.isEmpty()) {
            String function = FuzzProcess.BOUND.get(random.nextInt(FuzzProcess.BOUND.size()));
            boolean bind = random.nextBoolean();
            guarded((bind ? "bind " : "unbind ") + function, () -> {
                if (bind) {
                    pci.setDriverOverride(function, "vfio-pci");
                    pci.bind("vfio-pci", function);
                } else {
                    pci.unbind("vfio-pci", function);
                }
            });
            progress.incrementAndGet();
        }
    }

    private interface KernelCall {
        void run() throws KernelException;
    }

    private void guarded(String what, KernelCall call) {
        try {
            call.run();
            count("ok");
        } catch (KernelException e) {
            count(e.errno().name());
            if (e.errno() == Errno.EIO) {
                failures.add(what + ": " + e);
            }
        } catch (RuntimeException | Error e) {
            failures.add(what + ": escaped " + e);
        }
    }

    /** Unbinds the functions, clears their overrides and unloads every module, as a user would at the end. */
    private static void unloadEverything(Kernel kernel, Platform platform) throws KernelException {
        Pci pci = kernel.subsystem(Pci.class).orElseThrow();
        for (String function : FuzzProcess.BOUND) {
            if (kernel.modules().find("vfio_pci").isPresent()) {
                try {
                    pci.unbind("vfio-pci", function);
                } catch (KernelException e) {
                    assertThat(e.errno()).as("unbind of an unbound function").isEqualTo(Errno.ENODEV);
                }
            }
            pci.setDriverOverride(function, "");
        }
        for (int round = 0; round < 10 && !kernel.modules().loaded().isEmpty(); round++) {
            for (String module : List.of("hello", "vfio_pci", platform.backend(), "vfio")) {
                if (kernel.modules().find(module).isPresent()) {
                    kernel.modules().rmmod(module);
                }
            }
        }
        kernel.settle();
    }

    @Test
    void threeKernelsAtOnceGiveTheSameTracesAsEachAlone() throws Exception {
        long seed = Long.getLong("devmodel.stress.seed", 18L);
        List<List<FuzzCall>> programs = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            programs.add(FuzzRunner.generate(new Random(seed + k), 80));
        }
        List<List<String>> alone = new ArrayList<>();
        for (List<FuzzCall> program : programs) {
            alone.add(new FuzzRunner(modules, Platform.X86).run(program).trace());
        }

        ExecutorService threads = Executors.newFixedThreadPool(programs.size());
        try {
            List<Future<FuzzRunner.Outcome>> together = new ArrayList<>();
            for (List<FuzzCall> program : programs) {
                together.add(threads.submit(() -> new FuzzRunner(modules, Platform.X86).run(program)));
            }
            for (int k = 0; k < programs.size(); k++) {
                FuzzRunner.Outcome outcome = together.get(k).get(60, TimeUnit.SECONDS);
                assertThat(outcome.failure()).as("kernel %d", k).isEmpty();
                assertThat(outcome.trace()).as("kernel %d, seed %d", k, seed + k).isEqualTo(alone.get(k));
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
