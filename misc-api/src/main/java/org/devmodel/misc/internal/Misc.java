package org.devmodel.misc.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.devmodel.core.BuiltinSubsystem;
import org.devmodel.core.DevT;
import org.devmodel.core.Errno;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.device.Device;
import org.devmodel.core.device.DeviceClass;
import org.devmodel.core.device.DevnodeSpec;
import org.devmodel.core.fault.FaultSite;
import org.devmodel.core.module.Unwind;
import org.devmodel.core.snapshot.SnapshotContributor;
import org.devmodel.misc.MiscDevice;
import org.devmodel.misc.MiscMinors;
import org.devmodel.misc.MiscRegistry;

/**
 * {@code drivers/char/misc.c}: the misc subsystem of one kernel, started at {@code subsys_initcall}
 * level. It owns {@code misc_list}, the dynamic minor bitmap and {@code misc_mtx}.
 */
public final class Misc implements BuiltinSubsystem, MiscRegistry {
    /** {@code misc_register}: a fault site whose natural failure is a taken minor, EBUSY. */
    static final FaultSite MISC_REGISTER = new FaultSite("misc_register", Errno.EBUSY);

    private static final String PROC_MISC = "/proc/misc";

    /** {@code misc_mtx}: guards the list and the bitmap, and is held across a driver's {@code open}. */
    private final ReentrantLock lock = new ReentrantLock();
    /** {@code misc_list}, newest registration first. */
    private final Deque<MiscDeviceImpl> list = new ArrayDeque<>();
    private final DynamicMinors dynamicMinors = new DynamicMinors();
    private Kernel kernel;
    private DeviceClass miscClass;

    /** Called once per kernel by the kernel's {@link java.util.ServiceLoader}. */
    public Misc() {
    }

    @Override
    public String name() {
        return "misc";
    }

    @Override
    public int initLevel() {
        return SUBSYS;
    }

    /**
     * {@code misc_init}: {@code /proc/misc}, class {@code misc} with {@code misc_devnode}, then
     * char major 10 over minors 0-255 served by {@code misc_open}, undone in reverse on failure.
     *
     * @throws KernelException {@code class_create}'s errno, or EIO when major 10 is taken
     */
    @Override
    public void init(Kernel booting) throws KernelException {
        this.kernel = Objects.requireNonNull(booting, "kernel");
        try (Unwind unwind = new Unwind(kernel.log(), "misc")) {
            kernel.vfs().publish(PROC_MISC, this::procMisc);
            unwind.onError(() -> kernel.vfs().unpublish(PROC_MISC));
            miscClass = kernel.devices().classCreate("misc", this::devnode);
            unwind.onError(() -> kernel.devices().classDestroy(miscClass));
            registerMajor();
            kernel.addSnapshotContributor(new MiscSection());
            unwind.commit();
        }
    }

    private void registerMajor() throws KernelException {
        try {
            kernel.chrdev().registerChrdev(MiscMinors.MISC_MAJOR, "misc", new MiscFops(this, kernel));
        } catch (KernelException e) {
            kernel.log().err("unable to get major " + MiscMinors.MISC_MAJOR + " for misc devices");
            throw new KernelException(Errno.EIO, "misc: register_chrdev failed", e);
        }
    }

    @Override
    public void register(MiscDevice misc) throws KernelException {
        MiscDeviceImpl device = (MiscDeviceImpl) Objects.requireNonNull(misc, "misc");
        kernel.tracker().acquire(MISC_REGISTER, () -> add(device), MiscDeviceImpl::toString);
    }

    private MiscDeviceImpl add(MiscDeviceImpl misc) throws KernelException {
        lock.lock();
        try {
            if (find(misc.minor()).isPresent()) {
                throw new KernelException(Errno.EBUSY, "misc " + misc.name() + ": minor " + misc.minor() + " in use");
            }
            if (misc.minor() == MiscMinors.MISC_DYNAMIC_MINOR) {
                misc.setMinor(dynamicMinors.allocate().orElseThrow(() ->
                        new KernelException(Errno.EBUSY, "misc " + misc.name() + ": no dynamic minor left")));
            }
            DevT dev = DevT.of(MiscMinors.MISC_MAJOR, misc.minor());
            try {
                misc.setThisDevice(kernel.devices().deviceCreate(miscClass, misc.parent().orElse(null), dev, misc,
                        misc.name()));
            } catch (KernelException e) {
                // v3.14 frees the bitmap bit but leaves the dynamic minor written in the device
                dynamicMinors.free(misc.minor());
                throw e;
            }
            // At the head, so a later device "overrides" an earlier one in misc_open and /proc/misc.
            list.addFirst(misc);
            return misc;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int deregister(MiscDevice misc) {
        MiscDeviceImpl device = (MiscDeviceImpl) Objects.requireNonNull(misc, "misc");
        lock.lock();
        try {
            if (!list.contains(device)) {
                kernel.log().warn("WARNING: at drivers/char/misc.c misc_deregister(): " + device + " is not registered");
                return -Errno.EINVAL.number();
            }
            kernel.tracker().release("misc_deregister", device.toString(), () -> remove(device));
            return 0;
        } finally {
            lock.unlock();
        }
    }

    /** Called with the misc lock held. */
    private void remove(MiscDeviceImpl misc) {
        list.remove(misc);
        kernel.devices().deviceDestroy(miscClass, DevT.of(MiscMinors.MISC_MAJOR, misc.minor()));
        dynamicMinors.free(misc.minor());
        misc.setThisDevice(null);
    }

    /** {@return {@code misc_mtx}, which {@code misc_open} takes} */
    ReentrantLock lock() {
        return lock;
    }

    /**
     * {@return the newest device registered with a minor} Called with the misc lock held.
     *
     * @param minor the minor
     */
    Optional<MiscDeviceImpl> find(int minor) {
        return list.stream().filter(c -> c.minor() == minor).findFirst();
    }

    /** {@code misc_devnode}: the device's node name and mode, each left to the default when unset. */
    private DevnodeSpec devnode(Device device) {
        MiscDeviceImpl misc = device.driverData(MiscDeviceImpl.class);
        return new DevnodeSpec(misc.nodename(), misc.mode());
    }

    private List<MiscDeviceImpl> registered() {
        lock.lock();
        try {
            return List.copyOf(list);
        } finally {
            lock.unlock();
        }
    }

    /** {@code misc_seq_show}: {@code "%3i %s\n"} per device, newest first. */
    private String procMisc() {
        StringBuilder text = new StringBuilder();
        registered().forEach(c -> text.append(String.format("%3d %s\n", c.minor(), c.name())));
        return text.toString();
    }

    /** The snapshot section {@code misc}: {@code "196 vfio"} per device, newest first. */
    private final class MiscSection implements SnapshotContributor {
        @Override
        public String section() {
            return "misc";
        }

        @Override
        public List<String> entries() {
            return registered().stream().map(c -> c.minor() + " " + c.name()).toList();
        }
    }
}
