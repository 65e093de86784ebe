package org.devmodel.it.vfio;

import java.nio.file.Path;
import java.time.Duration;
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
import org.devmodel.core.Errno;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.KernelOptions;
import org.devmodel.core.fs.EventFdFlags;
import org.devmodel.core.fs.OpenFlags;
import org.devmodel.core.log.LogRecord;
import org.devmodel.core.mem.AddressSpace;
import org.devmodel.core.module.LoadedModule;
import org.devmodel.core.proc.Syscalls;
import org.devmodel.core.snapshot.KernelSnapshot;
import org.devmodel.pci.Pci;

/**
 * Runs fuzz programs as one root process of a fresh kernel in which vfio, vfio_iommu_type1 and
 * vfio_pci are loaded and three functions (groups 3 and 5) are bound to vfio-pci. After every call
 * it checks the kernel's invariants; after the program it closes everything and compares the
 * snapshot with the one before. A program's trace (each call's result or errno) depends only on the
 * program, which is what lets several kernels be compared with one alone.
 */
final class FuzzRunner {
    static final String[] PATHS = {"/dev/vfio/vfio", "/dev/vfio/3", "/dev/vfio/5", "/dev/vfio/7", "/dev/vfio/9",
        "/dev/vfio/0", "/dev/hello"};
    static final String[] DEVICES = {"0000:00:03.0", "0000:01:00.0", "0000:01:00.1", "0000:02:00.0", "0000:09:00.0",
        "", "0000:00:03.0 "};
    static final String[] IOCTLS = {"VFIO_GET_API_VERSION", "VFIO_CHECK_EXTENSION", "VFIO_SET_IOMMU",
        "VFIO_GROUP_GET_STATUS", "VFIO_GROUP_SET_CONTAINER", "VFIO_GROUP_UNSET_CONTAINER",
        "VFIO_GROUP_GET_DEVICE_FD", "VFIO_DEVICE_GET_INFO", "VFIO_DEVICE_GET_REGION_INFO",
        "VFIO_DEVICE_GET_IRQ_INFO", "VFIO_DEVICE_SET_IRQS", "VFIO_DEVICE_RESET", "VFIO_IOMMU_GET_INFO",
        "VFIO_IOMMU_MAP_DMA", "VFIO_IOMMU_UNMAP_DMA", "VFIO_DEVICE_GET_PCI_HOT_RESET_INFO",
        "VFIO_DEVICE_PCI_HOT_RESET"};
    /** Functions bound to vfio-pci before each program. */
    static final List<String> BOUND = List.of("0000:00:03.0", "0000:01:00.0", "0000:01:00.1");
    private static final int BUFFER_PAGES = 16;
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

    private final Path modules;
    /** Errno names and "ok", counted over every program this runner ran. */
    private final Map<String, Long> results = new TreeMap<>();
    private long calls;

    FuzzRunner(Path modules) {
        this.modules = modules;
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
            FuzzCall.Op.MAP_DMA, FuzzCall.Op.DEVICE_FD, FuzzCall.Op.IOCTL, FuzzCall.Op.RW};
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
        try (Kernel kernel = Kernel.boot(KernelOptions.builder().modulesDirectory(modules).build())) {
            kernel.modules().modprobe("vfio-pci", Map.of());
            Pci pci = kernel.subsystem(Pci.class).orElseThrow();
            for (String function : BOUND) {
                pci.setDriverOverride(function, "vfio-pci");
                pci.bind("vfio-pci", function);
            }
            kernel.settle();
            KernelSnapshot before = kernel.snapshot();
            Set<String> loadedBefore = kernel.modules().loaded().stream().map(LoadedModule::name)
                    .collect(Collectors.toSet());
            Process process = new Process(kernel, new UserspaceDriver(kernel));
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
            kernel.exit(process.user.task);
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

    /** The process a program runs as: its fds and what it believes about its groups. */
    private final class Process {
        private final Kernel kernel;
        private final UserspaceDriver user;
        private final Syscalls sys;
        private final long buffer;
        private final long args;
        private final List<Integer> fds = new ArrayList<>();
        /** Group fd -> whether its group has a container, from the SET and UNSET calls that succeeded. */
        private final Map<Integer, Boolean> groupHasContainer = new HashMap<>();
        private final int setContainer;
        private final int unsetContainer;
        private final int getDeviceFd;
        private int dmesgSeen;

        Process(Kernel kernel, UserspaceDriver user) throws KernelException {
            this.kernel = kernel;
            this.user = user;
            this.sys = user.task.syscalls();
            this.buffer = user.mmap(BUFFER_PAGES * AddressSpace.PAGE_SIZE);
            // one page for arguments; the page after it is never mapped, so arguments can straddle a hole
            this.args = user.mmap(AddressSpace.PAGE_SIZE);
            this.setContainer = user.ioctlNumber("VFIO_GROUP_SET_CONTAINER");
            this.unsetContainer = user.ioctlNumber("VFIO_GROUP_UNSET_CONTAINER");
            this.getDeviceFd = user.ioctlNumber("VFIO_GROUP_GET_DEVICE_FD");
            this.dmesgSeen = kernel.log().records().size();
        }

        /** An fd of the process chosen by a small number, or the number itself as a raw fd. */
        private int fd(long choice) {
            if (fds.isEmpty() || choice < 0 || choice >= 1 << 20) {
                return (int) choice;
            }
            return fds.get((int) (choice % fds.size()));
        }

        Optional<Failure> execute(FuzzCall call, int index, List<String> trace) {
            String result;
            try {
                result = "ok " + perform(call);
            } catch (KernelException e) {
                result = e.errno().name();
                if (e.errno() == Errno.EIO) {
                    // EIO is what the driver gate answers for a driver bug; no fuzzed call should meet one
                    trace.add(result);
                    count(result);
                    return Optional.of(new Failure("EIO from " + call.op(), index, String.valueOf(e.getMessage())));
                }
            } catch (RuntimeException | Error e) {
                trace.add("escaped " + e);
                count("escaped");
                return Optional.of(new Failure("escaped " + e.getClass().getSimpleName() + " from " + call.op(), index,
                        e.toString()));
            }
            trace.add(result);
            count(result.startsWith("ok") ? "ok" : result);
            return Optional.empty();
        }

        private long perform(FuzzCall call) throws KernelException {
            long a = call.a();
            long b = call.b();
            long c = call.c();
            switch (call.op()) {
                case OPEN -> {
                    int fd = sys.open(PATHS[(int) Math.floorMod(a, PATHS.length)], OpenFlags.O_RDWR);
                    fds.add(fd);
                    return fd;
                }
                case CLOSE -> {
                    int fd = fd(a);
                    sys.close(fd);
                    fds.remove(Integer.valueOf(fd));
                    groupHasContainer.remove(fd);
                    return 0;
                }
                case IOCTL -> {
                    int fd = fd(a);
                    int cmd = Math.floorMod(b, 8) == 7 ? (int) (b >>> 3) : user.ioctlNumber(IOCTLS[(int) Math.floorMod(b,
                            IOCTLS.length)]);
                    long result = sys.ioctl(fd, cmd, argument(c));
                    followGroupState(fd, cmd, result);
                    return result;
                }
                case SET_CONTAINER -> {
                    int group = fd(a);
                    long result = user.ioctlIntPointer(group, "VFIO_GROUP_SET_CONTAINER", fd(b));
                    groupHasContainer.put(group, true);
                    return result;
                }
                case SET_IOMMU -> {
                    return user.ioctl(fd(a), "VFIO_SET_IOMMU", Math.floorMod(b, 4));
                }
                case MAP_DMA -> {
                    long vaddr = Math.floorMod(b, 8) == 7 ? b : buffer + Math.floorMod(b, BUFFER_PAGES) * AddressSpace.PAGE_SIZE;
                    long iova = (c >>> 8 & 0xff) * AddressSpace.PAGE_SIZE + ((c & 0x10000) != 0 ? 0x800 : 0);
                    long size = (c & 7) * AddressSpace.PAGE_SIZE + ((c & 0x20000) != 0 ? 1 : 0);
                    user.task.memory().copyToUser(args, user.struct("VFIO_IOMMU_MAP_DMA").set("vaddr", vaddr)
                            .set("iova", iova).set("size", size).set("flags", c >>> 3 & 3)
                            .set("argsz", (c & 0x40000) != 0 ? c >>> 32 & 0xffffffffL : 32).toBytes());
                    return user.ioctl(fd(a), "VFIO_IOMMU_MAP_DMA", args);
                }
                case UNMAP_DMA -> {
                    user.task.memory().copyToUser(args, user.struct("VFIO_IOMMU_UNMAP_DMA")
                            .set("iova", (b & 0xff) * AddressSpace.PAGE_SIZE).set("size", c).toBytes());
                    return user.ioctl(fd(a), "VFIO_IOMMU_UNMAP_DMA", args);
                }
                case DEVICE_FD -> {
                    int fd = (int) user.ioctlString(fd(a), "VFIO_GROUP_GET_DEVICE_FD",
                            DEVICES[(int) Math.floorMod(b, DEVICES.length)]);
                    fds.add(fd);
                    return fd;
                }
                case RW -> {
                    long offset = Math.floorMod(b, 10) << 40 | (c >>> 8 & 0xfff);
                    long size = c & 0x1f;
                    return (c & 0x20) != 0 ? sys.pwrite(fd(a), args, size, offset) : sys.pread(fd(a), args, size, offset);
                }
                case SET_IRQS -> {
                    return setIrqs(fd(a), b, c);
                }
                case EVENTFD -> {
                    int fd = sys.eventfd(0, EventFdFlags.EFD_NONBLOCK);
                    fds.add(fd);
                    return fd;
                }
                case MUNMAP -> {
                    sys.munmap(buffer + Math.floorMod(a, BUFFER_PAGES) * AddressSpace.PAGE_SIZE, AddressSpace.PAGE_SIZE);
                    return 0;
                }
                case TICK -> {
                    kernel.clock().advance(Duration.ofMillis(Math.floorMod(a, 200)));
                    return 0;
                }
                default -> throw new IllegalStateException("unknown op " + call.op());
            }
        }

        /** A successful SET_CONTAINER or UNSET_CONTAINER changes what the group's status must say. */
        private void followGroupState(int fd, int cmd, long result) {
            if (cmd == setContainer) {
                groupHasContainer.put(fd, true);
            } else if (cmd == unsetContainer) {
                groupHasContainer.put(fd, false);
            } else if (cmd == getDeviceFd) {
                fds.add((int) result);
            }
        }

        /**
         * An ioctl argument from a seed: a small or a random integer, random bytes with a chosen
         * {@code argsz}, bytes that run into the unmapped page, or a pointer to nowhere.
         */
        private long argument(long seed) throws KernelException {
            Random random = new Random(seed);
            switch (random.nextInt(6)) {
                case 0 -> {
                    return random.nextInt(12);
                }
                case 1 -> {
                    return random.nextLong();
                }
                case 2, 3 -> {
                    byte[] bytes = new byte[random.nextInt(64)];
                    random.nextBytes(bytes);
                    long[] argsz = {0, 4, 8, 12, 16, 20, 24, 32, 0xffffffffL, random.nextInt() & 0xffffffffL};
                    if (bytes.length >= 4) {
                        long value = argsz[random.nextInt(argsz.length)];
                        for (int i = 0; i < 4; i++) {
                            bytes[i] = (byte) (value >>> (8 * i));
                        }
                    }
                    long at = random.nextBoolean() ? args : args + AddressSpace.PAGE_SIZE - bytes.length / 2;
                    if (bytes.length > 0) {
                        user.task.memory().copyToUser(at, java.util.Arrays.copyOf(bytes,
                                (int) Math.min(bytes.length, args + AddressSpace.PAGE_SIZE - at)));
                    }
                    return at;
                }
                case 4 -> {
                    long[] bad = {0, 8, args + AddressSpace.PAGE_SIZE, AddressSpace.TASK_SIZE, -4096L, Long.MIN_VALUE};
                    return bad[random.nextInt(bad.length)];
                }
                default -> {
                    int fd = fds.isEmpty() ? random.nextInt(8) : fds.get(random.nextInt(fds.size()));
                    user.task.memory().store(args, 4, fd);
                    return args;
                }
            }
        }

        /** SET_IRQS with header fields chosen for their corners and the process's fds as data. */
        private long setIrqs(int fd, long b, long c) throws KernelException {
            long[] corners = {0, 1, 2, 0x7fffffffL, 0x80000000L, 0xffffffffL};
            long start = corners[(int) Math.floorMod(b, corners.length)];
            long count = corners[(int) Math.floorMod(b >>> 3, corners.length)];
            long flags = 1L << Math.floorMod(c, 3) | 8L << Math.floorMod(c >>> 2, 3) | ((c & 0x100) != 0 ? 0x40 : 0);
            long index = c >>> 4 & 3 | ((c & 0x200) != 0 ? 4 : 0);
            int data = (int) Math.min(count, 16);
            long argsz = (c & 0x400) != 0 ? c >>> 32 : 20 + 4L * data;
            user.task.memory().store(args, 4, argsz);
            user.task.memory().store(args + 4, 4, flags);
            user.task.memory().store(args + 8, 4, index);
            user.task.memory().store(args + 12, 4, start);
            user.task.memory().store(args + 16, 4, count);
            for (int i = 0; i < data; i++) {
                user.task.memory().store(args + 20 + 4L * i, 4, fds.isEmpty() ? -1 : fds.get((int) Math.floorMod((c >>> 12) + i, fds.size())));
            }
            return user.ioctl(fd, "VFIO_DEVICE_SET_IRQS", args);
        }

        /**
         * The kernel's invariants: no driver bug in dmesg; a container's mappings never overlap; the
         * pages counted as locked are the pinned pages of ordinary memory; every group this process
         * holds has a container exactly when its SET and UNSET calls say so.
         */
        Optional<Failure> invariants(int index) {
            List<LogRecord> log = kernel.log().records();
            for (LogRecord record : log.subList(Math.min(dmesgSeen, log.size()), log.size())) {
                if (record.text().startsWith("BUG: ")) {
                    return Optional.of(new Failure("driver bug in dmesg", index, record.text()));
                }
            }
            dmesgSeen = log.size();
            Optional<Failure> type1 = type1Invariants(kernel.snapshot().section("vfio_iommu_type1"), index);
            if (type1.isPresent()) {
                return type1;
            }
            for (Map.Entry<Integer, Boolean> group : groupHasContainer.entrySet()) {
                long flags;
                try {
                    flags = user.ioctlStruct(group.getKey(), "VFIO_GROUP_GET_STATUS",
                            user.struct("VFIO_GROUP_GET_STATUS")).get("flags");
                } catch (KernelException e) {
                    return Optional.of(new Failure("GET_STATUS of a held group failed", index, e.toString()));
                }
                boolean set = (flags & user.constant("VFIO_GROUP_FLAGS_CONTAINER_SET")) != 0;
                if (set != group.getValue()) {
                    return Optional.of(new Failure("group container link inconsistent", index,
                            "fd " + group.getKey() + " CONTAINER_SET=" + set));
                }
            }
            return Optional.empty();
        }
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
