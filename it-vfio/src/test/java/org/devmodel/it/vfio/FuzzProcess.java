package org.devmodel.it.vfio;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import org.devmodel.core.Errno;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.EventFdFlags;
import org.devmodel.core.fs.OpenFlags;
import org.devmodel.core.log.LogRecord;
import org.devmodel.core.mem.AddressSpace;
import org.devmodel.core.proc.Syscalls;
import org.devmodel.core.proc.Task;

/**
 * A process that runs {@link FuzzCall}s: its fds, a DMA buffer and an argument page (with an
 * unmapped page after it), and what it believes about its groups. Each call ends in a result
 * ("ok N" or an errno's name, reported to a consumer) or a failure: EIO, which is the driver gate's
 * answer to a driver bug, or an exception that escaped the kernel.
 */
final class FuzzProcess {
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

    private final Consumer<String> results;
    private final Kernel kernel;
    private final Platform platform;
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

    FuzzProcess(Kernel kernel, Platform platform, UserspaceDriver user, Consumer<String> results) throws KernelException {
        this.results = results;
        this.kernel = kernel;
        this.platform = platform;
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

    Optional<FuzzRunner.Failure> execute(FuzzCall call, int index, List<String> trace) {
        String result;
        try {
            result = "ok " + perform(call);
        } catch (KernelException e) {
            result = e.errno().name();
            if (e.errno() == Errno.EIO) {
                // EIO is what the driver gate answers for a driver bug; no fuzzed call should meet one
                trace.add(result);
                results.accept(result);
                return Optional.of(new FuzzRunner.Failure("EIO from " + call.op(), index, String.valueOf(e.getMessage())));
            }
        } catch (RuntimeException | Error e) {
            trace.add("escaped " + e);
            results.accept("escaped");
            return Optional.of(new FuzzRunner.Failure("escaped " + e.getClass().getSimpleName() + " from " + call.op(), index,
                    e.toString()));
        }
        trace.add(result);
        results.accept(result.startsWith("ok") ? "ok" : result);
        return Optional.empty();
    }

    private long perform(FuzzCall call) throws KernelException {
        long a = call.a();
        long b = call.b();
        long c = call.c();
        return switch (call.op()) {
            case OPEN -> {
                int fd = sys.open(PATHS[(int) Math.floorMod(a, PATHS.length)], OpenFlags.O_RDWR);
                fds.add(fd);
                yield fd;
            }
            case CLOSE -> {
                int fd = fd(a);
                sys.close(fd);
                fds.remove(Integer.valueOf(fd));
                groupHasContainer.remove(fd);
                yield 0;
            }
            case IOCTL -> {
                int fd = fd(a);
                int cmd = Math.floorMod(b, 8) == 7 ? (int) (b >>> 3) : user.ioctlNumber(IOCTLS[(int) Math.floorMod(b,
                        IOCTLS.length)]);
                long result = sys.ioctl(fd, cmd, argument(c));
                followGroupState(fd, cmd, result);
                yield result;
            }
            case SET_CONTAINER -> {
                int group = fd(a);
                long result = user.ioctlIntPointer(group, "VFIO_GROUP_SET_CONTAINER", fd(b));
                groupHasContainer.put(group, true);
                yield result;
            }
            case SET_IOMMU -> {
                yield user.ioctl(fd(a), "VFIO_SET_IOMMU", Math.floorMod(b, 4));
            }
            case ENABLE -> {
                yield user.ioctl(fd(a), Math.floorMod(b, 3) == 2 ? "VFIO_IOMMU_DISABLE" : "VFIO_IOMMU_ENABLE", 0);
            }
            case MAP_DMA -> {
                long vaddr = Math.floorMod(b, 8) == 7 ? b : buffer + Math.floorMod(b, BUFFER_PAGES) * AddressSpace.PAGE_SIZE;
                long iova = (c >>> 8 & 0xff) * AddressSpace.PAGE_SIZE + ((c & 0x10000) != 0 ? 0x800 : 0);
                long size = (c & 7) * AddressSpace.PAGE_SIZE + ((c & 0x20000) != 0 ? 1 : 0);
                user.task.memory().copyToUser(args, user.struct("VFIO_IOMMU_MAP_DMA").set("vaddr", vaddr)
                        .set("iova", iova).set("size", size).set("flags", c >>> 3 & 3)
                        .set("argsz", (c & 0x40000) != 0 ? c >>> 32 & 0xffffffffL : 32).toBytes());
                yield user.ioctl(fd(a), "VFIO_IOMMU_MAP_DMA", args);
            }
            case UNMAP_DMA -> {
                user.task.memory().copyToUser(args, user.struct("VFIO_IOMMU_UNMAP_DMA")
                        .set("iova", (b & 0xff) * AddressSpace.PAGE_SIZE).set("size", c).toBytes());
                yield user.ioctl(fd(a), "VFIO_IOMMU_UNMAP_DMA", args);
            }
            case DEVICE_FD -> {
                int fd = (int) user.ioctlString(fd(a), "VFIO_GROUP_GET_DEVICE_FD",
                        DEVICES[(int) Math.floorMod(b, DEVICES.length)]);
                fds.add(fd);
                yield fd;
            }
            case RW -> {
                long offset = Math.floorMod(b, 10) << 40 | (c >>> 8 & 0xfff);
                long size = c & 0x1f;
                yield (c & 0x20) != 0 ? sys.pwrite(fd(a), args, size, offset) : sys.pread(fd(a), args, size, offset);
            }
            case SET_IRQS -> {
                yield setIrqs(fd(a), b, c);
            }
            case EVENTFD -> {
                int fd = sys.eventfd(0, EventFdFlags.EFD_NONBLOCK);
                fds.add(fd);
                yield fd;
            }
            case MUNMAP -> {
                sys.munmap(buffer + Math.floorMod(a, BUFFER_PAGES) * AddressSpace.PAGE_SIZE, AddressSpace.PAGE_SIZE);
                yield 0;
            }
            case TICK -> {
                kernel.clock().advance(Duration.ofMillis(Math.floorMod(a, 200)));
                yield 0;
            }
        };
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
                    user.task.memory().copyToUser(at, Arrays.copyOf(bytes,
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
     * The kernel's invariants: no driver bug in dmesg; the backend's own ({@link Platform}: on type1
     * a container's mappings never overlap and the pages counted as locked are the pinned pages of
     * ordinary memory; on sPAPR they are the windows of the enabled containers); every group this process
     * holds has a container exactly when its SET and UNSET calls say so.
     */
    Optional<FuzzRunner.Failure> invariants(int index) {
        List<LogRecord> log = kernel.log().records();
        for (LogRecord record : log.subList(Math.min(dmesgSeen, log.size()), log.size())) {
            if (record.text().startsWith("BUG: ")) {
                return Optional.of(new FuzzRunner.Failure("driver bug in dmesg", index, record.text()));
            }
        }
        dmesgSeen = log.size();
        Optional<FuzzRunner.Failure> backend = platform.invariants(kernel.snapshot(), index);
        if (backend.isPresent()) {
            return backend;
        }
        for (Map.Entry<Integer, Boolean> group : groupHasContainer.entrySet()) {
            long flags;
            try {
                flags = user.ioctlStruct(group.getKey(), "VFIO_GROUP_GET_STATUS",
                        user.struct("VFIO_GROUP_GET_STATUS")).get("flags");
            } catch (KernelException e) {
                return Optional.of(new FuzzRunner.Failure("GET_STATUS of a held group failed", index, e.toString()));
            }
            boolean set = (flags & user.constant("VFIO_GROUP_FLAGS_CONTAINER_SET")) != 0;
            if (set != group.getValue()) {
                return Optional.of(new FuzzRunner.Failure("group container link inconsistent", index,
                        "fd " + group.getKey() + " CONTAINER_SET=" + set));
            }
        }
        return Optional.empty();
    }

    /** {@return the process} */
    Task task() {
        return user.task;
    }
}
