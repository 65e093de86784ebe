package org.devmodel.it.vfio;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.devmodel.core.Kernel;
import org.devmodel.core.mem.AddressSpace;
import org.devmodel.core.module.LoadedModule;
import org.devmodel.core.snapshot.KernelSnapshot;
import org.devmodel.pci.Pci;

/**
 * Runs fuzz programs as one root process of a fresh kernel of a {@link Platform} in which vfio, its
 * IOMMU backend and vfio_pci are loaded and three functions (groups 3 and 5) are bound to vfio-pci. After every call
 * it checks the kernel's invariants; after the program it closes everything and compares the
 * snapshot with the one before. A program's trace (each call's result or errno) depends only on the
 * program, which is what lets several kernels be compared with one alone.
 */
final class FuzzRunner {
    private static final Pattern DMA = Pattern.compile(
            "container (\\d+): 0x(\\p{XDigit}+)\\+0x(\\p{XDigit}+) -> 0x\\p{XDigit}+ \\S+( reserved)?");

    /**
     * What went wrong, first.
     *
     * @param kind what kind of failure, the same for a program and its shrunk form
     * @param at the index of the call after which it showed, or the program's length for the end check
     * @param detail what was seen
     */
    record Failure(String kind, int at, String detail) {
    }

    /**
     * A program's outcome.
     *
     * @param trace one line per call: its result or errno
     * @param failure the first failure, if any
     */
    record Outcome(List<String> trace, Optional<Failure> failure) {
    }

    private static final Pattern ENABLED = Pattern.compile("enabled window 0x\\p{XDigit}+\\+0x\\p{XDigit}+, (\\d+) pages");

    private final Path modules;
    private final Platform platform;
    /** Errno names and "ok", counted over every program this runner ran. */
    private final Map<String, Long> results = new TreeMap<>();
    private long calls;

    FuzzRunner(Path modules, Platform platform) {
        this.modules = modules;
        this.platform = platform;
    }

    /** {@return the result counts so far: "ok" and each errno's name} */
    Map<String, Long> results() {
        synchronized (results) {
            return new TreeMap<>(results);
        }
    }

    /** {@return the calls made so far} */
    long calls() {
        synchronized (results) {
            return calls;
        }
    }

    /**
     * {@return a random program}
     *
     * @param random the seeded source
     * @param length how many calls
     */
    static List<FuzzCall> generate(Random random, int length) {
        FuzzCall.Op[] ops = FuzzCall.Op.values();
        // the setup a useful program needs comes often; everything else at random
        FuzzCall.Op[] common = {FuzzCall.Op.OPEN, FuzzCall.Op.SET_CONTAINER, FuzzCall.Op.SET_IOMMU,
            FuzzCall.Op.ENABLE, FuzzCall.Op.MAP_DMA, FuzzCall.Op.DEVICE_FD, FuzzCall.Op.IOCTL, FuzzCall.Op.RW};
        List<FuzzCall> program = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            FuzzCall.Op op = random.nextInt(3) == 0 ? common[random.nextInt(common.length)]
                    : ops[random.nextInt(ops.length)];
            long a = random.nextInt(16) == 0 ? random.nextLong() : random.nextInt(8);
            long b = random.nextInt(8) == 0 ? random.nextLong() : random.nextInt(1 << 12);
            program.add(new FuzzCall(op, a, b, random.nextLong()));
        }
        return program;
    }

    /**
     * Runs a program in a fresh kernel.
     *
     * @param program the calls
     * @return its trace and first failure
     * @throws Exception if the kernel cannot be set up (not a finding: the harness is broken)
     */
    Outcome run(List<FuzzCall> program) throws Exception {
        try (Kernel kernel = Kernel.boot(platform.options(modules))) {
            kernel.modules().modprobe("vfio-pci", Map.of());
            Pci pci = kernel.subsystem(Pci.class).orElseThrow();
            for (String function : FuzzProcess.BOUND) {
                pci.setDriverOverride(function, "vfio-pci");
                pci.bind("vfio-pci", function);
            }
            kernel.settle();
            KernelSnapshot before = kernel.snapshot();
            Set<String> loadedBefore = kernel.modules().loaded().stream().map(LoadedModule::name)
                    .collect(Collectors.toSet());
            FuzzProcess process = new FuzzProcess(kernel, platform, new UserspaceDriver(kernel), this::count);
            List<String> trace = new ArrayList<>(program.size());
            for (int i = 0; i < program.size(); i++) {
                Optional<Failure> failure = process.execute(program.get(i), i, trace);
                if (failure.isEmpty()) {
                    failure = process.invariants(i);
                }
                if (failure.isPresent()) {
                    return new Outcome(trace, failure);
                }
            }
            kernel.exit(process.task());
            // a node the program opened may have autoloaded a module (hello): unloading it is the user's part
            for (LoadedModule module : kernel.modules().loaded()) {
                if (!loadedBefore.contains(module.name())) {
                    kernel.modules().rmmod(module.name());
                }
            }
            kernel.settle();
            KernelSnapshot after = kernel.snapshot();
            if (!after.equals(before)) {
                return new Outcome(trace, Optional.of(new Failure("leak after closing everything", program.size(),
                        before.diff(after).toString())));
            }
            return new Outcome(trace, Optional.empty());
        }
    }

    private void count(String result) {
        synchronized (results) {
            results.merge(result, 1L, Long::sum);
            calls++;
        }
    }

    /** sPAPR's locked pages that are not the window pages of the enabled containers, charged at ENABLE. */
    static Optional<Failure> spaprInvariants(List<String> section, int index) {
        long windows = 0;
        long locked = 0;
        for (String entry : section) {
            Matcher m = ENABLED.matcher(entry);
            if (m.matches()) {
                windows += Long.parseLong(m.group(1));
            } else if (entry.startsWith("locked_vm ")) {
                locked = Long.parseLong(entry.split(" ")[1]);
            }
        }
        if (locked != windows) {
            return Optional.of(new Failure("locked pages differ from enabled windows", index,
                    "locked_vm " + locked + ", windows " + windows + ": " + section));
        }
        return Optional.empty();
    }

    /** Overlapping mappings in one container, or locked pages that are not the pinned ordinary pages. */
    static Optional<Failure> type1Invariants(List<String> section, int index) {
        Map<String, TreeMap<Long, Long>> byContainer = new HashMap<>();
        long pinned = 0;
        long locked = 0;
        for (String entry : section) {
            Matcher m = DMA.matcher(entry);
            if (m.matches()) {
                long iova = Long.parseUnsignedLong(m.group(2), 16);
                long size = Long.parseUnsignedLong(m.group(3), 16);
                TreeMap<Long, Long> mappings = byContainer.computeIfAbsent(m.group(1), k -> new TreeMap<>(Long::compareUnsigned));
                Map.Entry<Long, Long> below = mappings.floorEntry(iova + size - 1);
                if (below != null && Long.compareUnsigned(below.getKey() + below.getValue() - 1, iova) >= 0) {
                    return Optional.of(new Failure("mappings overlap", index, entry + " overlaps 0x"
                            + Long.toHexString(below.getKey())));
                }
                mappings.put(iova, size);
                if (m.group(4) == null) {
                    pinned += size / AddressSpace.PAGE_SIZE;
                }
            } else if (entry.startsWith("locked_vm ")) {
                locked = Long.parseLong(entry.split(" ")[1]);
            }
        }
        if (locked != pinned) {
            return Optional.of(new Failure("locked pages differ from pinned pages", index,
                    "locked_vm " + locked + ", pinned " + pinned + ": " + section));
        }
        return Optional.empty();
    }
}
