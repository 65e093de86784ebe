package org.devmodel.core.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.devmodel.core.BuiltinSubsystem;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.KernelOptions;
import org.devmodel.core.chrdev.CharDevices;
import org.devmodel.core.device.Device;
import org.devmodel.core.device.DeviceModel;
import org.devmodel.core.fault.FaultInjector;
import org.devmodel.core.fault.Ledger;
import org.devmodel.core.fs.Vfs;
import org.devmodel.core.internal.chrdev.CharDevicesImpl;
import org.devmodel.core.internal.chrdev.ModuleRequester;
import org.devmodel.core.internal.device.DeviceModelImpl;
import org.devmodel.core.internal.fault.Tracker;
import org.devmodel.core.internal.fs.OpenFileImpl;
import org.devmodel.core.internal.fs.VfsImpl;
import org.devmodel.core.internal.log.ManualClock;
import org.devmodel.core.internal.log.RingLog;
import org.devmodel.core.internal.module.ModuleLoaderImpl;
import org.devmodel.core.internal.module.ModuleOwners;
import org.devmodel.core.internal.proc.TaskImpl;
import org.devmodel.core.log.KernelLog;
import org.devmodel.core.log.VirtualClock;
import org.devmodel.core.module.ModuleLoader;
import org.devmodel.core.module.DriverCalls;
import org.devmodel.core.module.ModuleReferences;
import org.devmodel.core.proc.Credentials;
import org.devmodel.core.proc.Task;
import org.devmodel.core.snapshot.KernelSnapshot;
import org.devmodel.core.snapshot.SnapshotContributor;

/** A kernel instance: builds the core subsystems in dependency order and starts the built-ins. */
public final class KernelImpl implements Kernel {
    /** What {@code request_module} returns when no loader answers: modprobe's exit status 1, as a wait status. */
    public static final int MODPROBE_FAILED = 256;

    private final KernelOptions options;
    private final ManualClock clock = new ManualClock();
    private final RingLog log = new RingLog(clock);
    private final Tracker tracker;
    private final WorkQueue events = new WorkQueue("kworker/uevent");
    private final DriverGate gate;
    private final CharDevicesImpl chrdev;
    private final VfsImpl vfs;
    private final DeviceModelImpl devices;
    private final ModuleLoaderImpl modules;
    private final ModuleRequester requester;
    private final List<SnapshotContributor> contributors = new CopyOnWriteArrayList<>();
    private final List<TaskImpl> tasks = new CopyOnWriteArrayList<>();
    private final List<BuiltinSubsystem> builtins = new ArrayList<>();
    private final List<WorkQueue> queues = new CopyOnWriteArrayList<>(List.of(events));
    private final AtomicInteger lastPid = new AtomicInteger();

    /**
     * Builds the core objects, each given what it uses; nothing runs until {@link #start}.
     *
     * @param options the options
     * @param tracker the ledger and fault injector, which also knows whose code runs
     * @param owners the loader's record of which module owns which code
     * @param references what the rest of the kernel asks about module references: {@code owners},
     *     or a stand-in when a subsystem is tested without loading modules
     */
    private KernelImpl(KernelOptions options, Tracker tracker, ModuleOwners owners, ModuleGlue references) {
        this.options = Objects.requireNonNull(options, "options");
        this.tracker = tracker;
        gate = new DriverGate(tracker, log, references);
        chrdev = new CharDevicesImpl(tracker, gate, this::requestModule);
        vfs = new VfsImpl(VirtualClock.BOOT_WALL_TIME, RELEASE, gate, chrdev);
        devices = new DeviceModelImpl(tracker, vfs, log, gate, events);
        modules = new ModuleLoaderImpl(this, tracker, gate, owners);
        queues.add(modules.worker());
        requester = options.moduleRequestHandler().<ModuleRequester>map(h -> alias -> h.request(this, alias))
                .orElse(modules::requestModule);
    }

    /**
     * Boots a kernel.
     *
     * @param options its options
     * @return the kernel
     * @throws KernelException when a built-in subsystem fails to start
     */
    public static KernelImpl boot(KernelOptions options) throws KernelException {
        Tracker tracker = new Tracker();
        ModuleOwners owners = new ModuleOwners(tracker);
        return start(new KernelImpl(options, tracker, owners, owners));
    }

    /**
     * Boots a kernel whose module references are answered by a stand-in instead of the loader's
     * record, for white-box tests of a subsystem that play the part of loaded modules.
     *
     * @param options its options
     * @param references the stand-in
     * @return the kernel
     * @throws KernelException when a built-in subsystem fails to start
     */
    public static KernelImpl boot(KernelOptions options, ModuleGlue references) throws KernelException {
        Tracker tracker = new Tracker();
        return start(new KernelImpl(options, tracker, new ModuleOwners(tracker), references));
    }

    private static KernelImpl start(KernelImpl kernel) throws KernelException {
        try {
            kernel.start();
        } catch (KernelException | RuntimeException e) {
            kernel.close();
            throw e;
        }
        return kernel;
    }

    /** The boot, in the order of the kernel's initcalls. */
    private void start() throws KernelException {
        // start_kernel: the banner, the command line, proc_root_init
        log.info("Linux version " + RELEASE + " (devmodel)");
        log.info("Command line: " + options.commandLine());
        vfs.publish("/proc/devices", chrdev::procDevices);
        vfs.publish("/proc/cmdline", () -> options.commandLine() + "\n");
        // driver_init: devtmpfs, with udev listening to the uevents
        Udev udev = new Udev(vfs.devtmpfs());
        devices.ueventListen(udev::onUevent);
        addCoreSections();
        // depmod's files and the static nodes (kmod static-nodes) come before any code can ask for a module.
        modules.depmod();
        // do_initcalls: the built-in subsystems, level by level
        List<BuiltinSubsystem> found = new ArrayList<>();
        ServiceLoader.load(BuiltinSubsystem.class, KernelImpl.class.getClassLoader()).forEach(found::add);
        found.sort(Comparator.comparingInt(BuiltinSubsystem::initLevel).thenComparing(BuiltinSubsystem::name));
        for (BuiltinSubsystem subsystem : found) {
            subsystem.init(this);
            builtins.add(subsystem);
        }
    }

    private void addCoreSections() {
        section("chrdev regions", chrdev::regionEntries, false);
        section("cdevs", chrdev::cdevEntries, false);
        section("classes", devices::classNames, false);
        section("class devices", () -> devices.classDevices().stream().map(KernelImpl::describe).toList(), false);
        section("drivers", devices::driverNames, false);
        section("devtmpfs nodes", vfs.devtmpfs()::kernelNodes, false);
        section("fds", this::fds, false);
        section("open files", vfs::openFileEntries, false);
        section("static nodes", vfs.devtmpfs()::staticNodes, true);
    }

    private static String describe(Device d) {
        return d.deviceClass().orElseThrow().name() + "/" + d.name() + " " + d.devt().map(Object::toString).orElse("");
    }

    private List<String> fds() {
        List<String> out = new ArrayList<>();
        for (TaskImpl task : tasks) {
            for (Map.Entry<Integer, OpenFileImpl> e : task.openFiles().entrySet()) {
                out.add("pid " + task.pid() + " fd " + e.getKey() + " " + e.getValue().path());
            }
        }
        return out;
    }

    private void section(String name, Supplier<List<String>> entries, boolean userspace) {
        contributors.add(new SnapshotContributor() {
            @Override
            public String section() {
                return name;
            }

            @Override
            public List<String> entries() {
                return entries.get();
            }

            @Override
            public boolean userspace() {
                return userspace;
            }
        });
    }

    @Override
    public int requestModule(String alias) {
        return requester.request(alias);
    }

    @Override
    public KernelOptions options() {
        return options;
    }

    @Override
    public KernelLog log() {
        return log;
    }

    @Override
    public VirtualClock clock() {
        return clock;
    }

    @Override
    public CharDevices chrdev() {
        return chrdev;
    }

    @Override
    public DeviceModel devices() {
        return devices;
    }

    @Override
    public Vfs vfs() {
        return vfs;
    }

    @Override
    public Ledger ledger() {
        return tracker;
    }

    @Override
    public FaultInjector faults() {
        return tracker;
    }

    /** {@return the tracker, which also runs code as a module} */
    @Override
    public Tracker tracker() {
        return tracker;
    }

    @Override
    public ModuleLoader modules() {
        return modules;
    }

    @Override
    public DriverCalls driverCalls() {
        return gate;
    }

    @Override
    public ModuleReferences moduleReferences() {
        return gate.glue();
    }

    @Override
    public Task spawn(Credentials credentials) {
        TaskImpl task = new TaskImpl(lastPid.incrementAndGet(), credentials, vfs, gate);
        tasks.add(task);
        return task;
    }

    @Override
    public void exit(Task task) {
        if (tasks.remove(task)) {
            ((TaskImpl) task).exit();
        }
    }

    @Override
    public KernelSnapshot snapshot() {
        settle();
        return KernelSnapshot.capture(contributors);
    }

    @Override
    public void addSnapshotContributor(SnapshotContributor contributor) {
        contributors.add(Objects.requireNonNull(contributor, "contributor"));
    }

    @Override
    public void removeSnapshotContributor(SnapshotContributor contributor) {
        contributors.remove(contributor);
    }

    @Override
    public <T> Optional<T> subsystem(Class<T> api) {
        return builtins.stream().filter(api::isInstance).map(api::cast).findFirst();
    }

    /** Flushes every queue until all are idle at once, since work on one may queue work on another. */
    @Override
    public void settle() {
        try {
            boolean busy = true;
            while (busy) {
                for (WorkQueue queue : queues) {
                    queue.flush();
                }
                busy = queues.stream().anyMatch(q -> !q.idle());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        for (TaskImpl task : List.copyOf(tasks)) {
            exit(task);
        }
        queues.forEach(WorkQueue::close);
        modules.close();
    }
}
