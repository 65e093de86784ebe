package org.devmodel.vfio.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.device.BusEvent;
import org.devmodel.core.device.Device;
import org.devmodel.core.device.DeviceDriver;
import org.devmodel.core.fs.OpenFile;
import org.devmodel.core.fs.OpenFlags;
import org.devmodel.core.log.KernelLog;
import org.devmodel.core.proc.Task;
import org.devmodel.iommu.GroupListener;
import org.devmodel.iommu.IommuGroup;
import org.devmodel.vfio.VfioContainerState;

/**
 * {@code struct vfio_group}: the VFIO face of one IOMMU group, {@code /dev/vfio/<id>}. It exists
 * while it has VFIO devices or an open fd: its reference count is one per device, one per open
 * group fd, and one for each caller in between (guarded by vfio's {@code group_lock}).
 *
 * <p>{@code container_users} counts what keeps it in its container: one for
 * {@code VFIO_GROUP_SET_CONTAINER} and one per device fd. When it falls to 0 the group leaves the
 * container implicitly, as {@code VFIO_GROUP_UNSET_CONTAINER} would.
 *
 * <p>It is also the group's notifier block, watching driver binding for viability.
 */
final class VfioGroup implements GroupListener {
    /** Drivers a device may be bound to without spoiling the group's isolation ({@code vfio_driver_whitelist}). */
    private static final Set<String> DRIVER_WHITELIST = Set.of("pci-stub", "pcieport");

    private final Vfio vfio;
    private final IommuGroup iommuGroup;
    /** {@code device_lock}: guards {@link #devices}. */
    private final Object deviceLock = new Object();
    private final List<VfioDevice<?>> devices = new ArrayList<>();
    private final AtomicInteger containerUsers = new AtomicInteger();
    private final AtomicBoolean opened = new AtomicBoolean();
    /** Written with the container's group lock held; read without it, as vfio.c does. */
    private volatile VfioContainer container;
    /** Guarded by vfio's group_lock. */
    private int refs = 1;
    private int minor;

    VfioGroup(Vfio vfio, IommuGroup iommuGroup) {
        this.vfio = vfio;
        this.iommuGroup = iommuGroup;
    }

    IommuGroup iommuGroup() {
        return iommuGroup;
    }

    int minor() {
        return minor;
    }

    void setMinor(int minor) {
        this.minor = minor;
    }

    /** {@code kref_get}; called with group_lock held. */
    void getLocked() {
        refs++;
    }

    /** {@return whether the last reference went}; called with group_lock held */
    boolean putLocked() {
        return --refs == 0;
    }

    // ---- devices --------------------------------------------------------------------------------

    /**
     * {@code vfio_group_create_device}: links a new device, which takes a group reference.
     *
     * @param device the device
     * @throws KernelException EBUSY when the bus device is already in the group
     */
    void addDevice(VfioDevice<?> device) throws KernelException {
        vfio.groupGet(this);
        synchronized (deviceLock) {
            if (deviceOf(device.dev()).isEmpty()) {
                device.dev().setDriverData(device);
                devices.add(device);
                return;
            }
        }
        vfio.groupPut(this);
        vfio.kernel().log().warn("WARNING: vfio_add_group_dev(): Device " + device.dev().name()
                + " already exists on group " + iommuGroup.id());
        throw new KernelException(Errno.EBUSY, "vfio: " + device.dev().name() + " already added");
    }

    /**
     * Drops a device reference; the last one unlinks it and clears the bus device's driver data.
     *
     * @param device the device
     * @return whether the device is gone; the caller then drops its group reference
     */
    boolean putDevice(VfioDevice<?> device) {
        synchronized (deviceLock) {
            if (!device.put()) {
                return false;
            }
            devices.remove(device);
            device.dev().setDriverData(null);
            return true;
        }
    }

    /**
     * {@return {@code vfio_dev_present}}
     *
     * @param dev a bus device
     */
    boolean devicePresent(Device dev) {
        synchronized (deviceLock) {
            return deviceOf(dev).isPresent();
        }
    }

    /** {@return the group as {@code devmodel state} shows it: its id and the names of its devices} */
    VfioContainerState.Group state() {
        synchronized (deviceLock) {
            return new VfioContainerState.Group(iommuGroup.id(), devices.stream().map(d -> d.dev().name()).toList());
        }
    }

    /** Called with the device lock held. */
    private Optional<VfioDevice<?>> deviceOf(Device dev) {
        return devices.stream().filter(d -> d.dev() == dev).findFirst();
    }

    // ---- viability ------------------------------------------------------------------------------

    /** {@return {@code vfio_group_viable}: every device of the IOMMU group is viable} */
    boolean viable() {
        return iommuGroup.devices().stream().allMatch(this::deviceViable);
    }

    /**
     * {@code vfio_dev_viable}: driverless, bound to a whitelisted driver, or bound to a VFIO bus
     * driver, which is known by the device being one of ours.
     */
    private boolean deviceViable(Device device) {
        Optional<DeviceDriver> driver = device.driver();
        return driver.isEmpty() || DRIVER_WHITELIST.contains(driver.get().name()) || devicePresent(device);
    }

    /** {@code vfio_iommu_group_notifier}: watches what happens to the group's devices. */
    @Override
    public void onGroupEvent(IommuGroup group, BusEvent event, Device device) {
        KernelLog log = vfio.kernel().log();
        String what = "vfio_iommu_group_notifier: Device " + device.name() + ", group " + iommuGroup.id();
        switch (event) {
            case ADD_DEVICE -> {
                // Nothing to do for idle groups; a device joining a live one cannot be stopped yet.
                if (containerUsers.get() > 0) {
                    log.warn("WARNING: Device " + device.name() + " added to live group " + iommuGroup.id() + "!");
                }
            }
            case BIND_DRIVER -> log.debug(what + " binding to driver");
            case BOUND_DRIVER -> {
                log.debug(what + " bound to driver " + device.driver().map(DeviceDriver::name).orElse(""));
                verifyBound(device);
            }
            case UNBIND_DRIVER -> log.debug(what + " unbinding from driver");
            case UNBOUND_DRIVER -> log.debug(what + " unbound from driver");
            case DEL_DEVICE -> {
                // Nothing: the bus driver's remove has already taken the device out of VFIO.
            }
        }
    }

    /**
     * {@code vfio_group_nb_verify}: a live group whose device was bound to a non-VFIO driver has
     * lost its isolation. v3.14 stops the machine here ({@code BUG_ON}); devmodel logs the bug and
     * goes on, and the group reports itself not viable from now on.
     */
    private void verifyBound(Device device) {
        if (containerUsers.get() > 0 && !deviceViable(device)) {
            vfio.kernel().log().err("kernel BUG at drivers/vfio/vfio.c: vfio_iommu_group_notifier(): device "
                    + device.name() + " of live group " + iommuGroup.id() + " bound to a non-VFIO driver");
        }
    }

    // ---- group fd and container -----------------------------------------------------------------

    /** {@return whether this call marked the group open; false when it was open already} */
    boolean tryOpen() {
        return opened.compareAndSet(false, true);
    }

    void close() {
        opened.set(false);
    }

    /** {@return the container, if the group is in one} */
    Optional<VfioContainer> container() {
        return Optional.ofNullable(container);
    }

    /**
     * Called by the container with its group lock held.
     *
     * @param container the container, or null
     */
    void setContainer(VfioContainer container) {
        this.container = container;
    }

    /**
     * {@code vfio_group_set_container}: joins a container.
     *
     * @param target the container of the fd given
     * @throws KernelException EINVAL when the group is in a container already, or the backend's attach error
     */
    void joinContainer(VfioContainer target) throws KernelException {
        if (containerUsers.get() != 0) {
            throw new KernelException(Errno.EINVAL, "vfio: group " + iommuGroup.id() + " already has a container");
        }
        target.addGroup(this);
        containerUsers.incrementAndGet();
    }

    /**
     * {@code vfio_group_unset_container}.
     *
     * @throws KernelException EINVAL when not in a container, EBUSY while device fds hold it
     */
    void unsetContainer() throws KernelException {
        int users = containerUsers.compareAndExchange(1, 0);
        if (users == 0) {
            throw new KernelException(Errno.EINVAL, "vfio: group " + iommuGroup.id() + " has no container");
        }
        if (users != 1) {
            throw new KernelException(Errno.EBUSY, "vfio: group " + iommuGroup.id() + " has device fds open");
        }
        container.removeGroup(this);
    }

    /**
     * {@code vfio_group_try_dissolve_container}: one user fewer; the last one takes the group out of
     * its container.
     */
    void tryDissolveContainer() {
        if (decrementIfPositive(containerUsers) == 0) {
            container.removeGroup(this);
        }
    }

    /** {@code atomic_dec_if_positive}: {@return the old value minus 1, decremented only if that is not negative} */
    private static int decrementIfPositive(AtomicInteger value) {
        while (true) {
            int old = value.get();
            if (old <= 0 || value.compareAndSet(old, old - 1)) {
                return old - 1;
            }
        }
    }

    /**
     * {@code vfio_group_get_device_fd}: opens a device of the group as a new fd, which holds a device
     * reference and a container user.
     *
     * @param current the caller
     * @param name the device's {@code dev_name}
     * @return the fd
     * @throws KernelException EINVAL without a container, a backend or viability; ENODEV for an unknown
     *     name; the bus driver's open error; EMFILE
     */
    int getDeviceFd(Task current, String name) throws KernelException {
        VfioContainer c = container;
        if (containerUsers.get() == 0 || c == null || c.driver().isEmpty() || !viable()) {
            throw new KernelException(Errno.EINVAL, "vfio: group " + iommuGroup.id() + " not ready for device fds");
        }
        // on EMFILE the file is put, and its release undoes what openDeviceFile took
        return current.fdInstall(openDeviceFile(name));
    }

    /** Opens the device and its anonymous file; takes the device reference and the container user. */
    private OpenFile openDeviceFile(String name) throws KernelException {
        synchronized (deviceLock) {
            VfioDevice<?> device = devices.stream().filter(d -> d.dev().name().equals(name)).findFirst()
                    .orElseThrow(() -> new KernelException(Errno.ENODEV, "vfio: no device " + name));
            device.open();
            OpenFile file;
            try {
                file = vfio.kernel().vfs().openAnonymous("[vfio-device]", vfio.deviceFops(), device, OpenFlags.O_RDWR);
            } catch (KernelException e) {
                device.release();
                throw e;
            }
            device.get();
            containerUsers.incrementAndGet();
            device.fileOpened(file);
            return file;
        }
    }

    @Override
    public String toString() {
        return "vfio group " + iommuGroup.id() + " (minor " + minor + ")";
    }
}
