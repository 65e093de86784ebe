package org.devmodel.vfio.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.devmodel.core.DevT;
import org.devmodel.core.Errno;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.chrdev.Cdev;
import org.devmodel.core.device.Device;
import org.devmodel.core.device.DeviceClass;
import org.devmodel.core.device.DevnodeSpec;
import org.devmodel.core.fault.FaultSite;
import org.devmodel.core.fs.OpenFile;
import org.devmodel.core.module.DriverCalls;
import org.devmodel.core.module.KernelModule;
import org.devmodel.core.module.KernelModuleInfo;
import org.devmodel.core.module.ModuleContext;
import org.devmodel.core.module.Unwind;
import org.devmodel.iommu.Iommu;
import org.devmodel.iommu.IommuGroup;
import org.devmodel.iommu.vfio.VfioIommuDriver;
import org.devmodel.misc.MiscDevice;
import org.devmodel.misc.MiscMinors;
import org.devmodel.misc.MiscRegistry;
import org.devmodel.vfio.VfioContainerState;
import org.devmodel.vfio.VfioDeviceOps;
import org.devmodel.vfio.VfioRegistry;

/**
 * The {@code vfio} module, laid out as {@code drivers/vfio/vfio.c} of v3.14: IOMMU driver
 * registration, containers, groups, devices, file operations, then {@code init} and {@code exit}.
 * The container fd is the misc device 10:196 ({@code /dev/vfio/vfio}, 0666); group fds are the
 * cdev over a dynamic region of {@code MINORMASK} minors ({@code /dev/vfio/<iommu group id>}, 0600);
 * device fds are anonymous {@code [vfio-device]} files.
 *
 * <p>The loader makes a fresh instance for every load, so all of {@code struct vfio} lives in fields.
 */
@KernelModuleInfo(name = "vfio", version = Vfio.DRIVER_VERSION, description = Vfio.DRIVER_DESC,
        license = "GPL v2", aliases = {MiscMinors.VFIO_ALIAS, "devname:vfio/vfio"})
public final class Vfio implements KernelModule, VfioRegistry {
    /** {@code DRIVER_VERSION}. */
    static final String DRIVER_VERSION = "0.3";
    /** {@code DRIVER_DESC}. */
    static final String DRIVER_DESC = "VFIO - User Level meta-driver";

    /** {@code vfio_register_iommu_driver}: a duplicate is EINVAL, so that is its natural failure. */
    static final FaultSite REGISTER_IOMMU_DRIVER = new FaultSite("vfio_register_iommu_driver", Errno.EINVAL);
    /** {@code idr_alloc} of a group minor: a full IDR is ENOSPC. */
    static final FaultSite IDR_ALLOC = new FaultSite("idr_alloc", Errno.ENOSPC);

    // ---- struct vfio --------------------------------------------------------------------------
    private final ContainerFops vfioFops = new ContainerFops(this);
    private final GroupFops groupFops = new GroupFops(this);
    private final DeviceFops deviceFops = new DeviceFops(this);
    /** {@code iommu_drivers_lock}: guards {@link #iommuDrivers}. */
    private final Object iommuDriversLock = new Object();
    private final List<VfioIommuDriver> iommuDrivers = new ArrayList<>();
    /** {@code group_lock}: guards {@link #groupList}, {@link #groupIdr} and every group's reference count. */
    private final Object groupLock = new Object();
    /** {@code group_list}, keyed by IOMMU group so that finding a device's group does not walk it. */
    private final Map<IommuGroup, VfioGroup> groupList = new HashMap<>();
    private final Idr<VfioGroup> groupIdr = new Idr<>();
    /** {@code release_q}: {@code vfio_del_group_dev} waits here for a device's fds to close. */
    private final Lock releaseLock = new ReentrantLock();
    private final Condition releaseQ = releaseLock.newCondition();
    private Kernel kernel;
    private MiscRegistry misc;
    private Iommu iommu;
    private MiscDevice vfioDev;
    private DeviceClass vfioClass;
    private DevT groupDevt;
    private Cdev groupCdev;
    /** Test hook: a variant of vfio whose {@code init} forgets the seed's {@code err_class} label. */
    boolean forgetErrClass;

    // ---- IOMMU driver registration ------------------------------------------------------------

    @Override
    public void registerIommuDriver(VfioIommuDriver driver) throws KernelException {
        kernel.tracker().acquire(REGISTER_IOMMU_DRIVER, () -> {
            synchronized (iommuDriversLock) {
                // Check for duplicates
                if (iommuDrivers.stream().anyMatch(d -> d == driver)) {
                    throw new KernelException(Errno.EINVAL, "vfio: IOMMU driver " + driver.name() + " already registered");
                }
                iommuDrivers.add(driver);
                return driver;
            }
        }, Vfio::iommuDriverResource);
    }

    @Override
    public void unregisterIommuDriver(VfioIommuDriver driver) {
        synchronized (iommuDriversLock) {
            if (iommuDrivers.stream().noneMatch(d -> d == driver)) {
                return;
            }
        }
        kernel.tracker().release("vfio_unregister_iommu_driver", iommuDriverResource(driver), () -> {
            synchronized (iommuDriversLock) {
                iommuDrivers.removeIf(d -> d == driver);
            }
        });
    }

    private static String iommuDriverResource(VfioIommuDriver driver) {
        return "vfio_iommu_driver " + driver.name();
    }

    /**
     * Asks every registered driver whose module can be pinned about an extension, in registration
     * order, until one answers above 0. Called with a container's group lock held.
     *
     * @param extension the extension
     * @return the first positive answer, else 0
     */
    long checkExtensionOfDrivers(long extension) {
        synchronized (iommuDriversLock) {
            for (VfioIommuDriver driver : iommuDrivers) {
                if (!kernel.moduleReferences().tryGet(driver)) {
                    continue;
                }
                long ret = checkExtension(driver, extension);
                kernel.moduleReferences().put(driver);
                if (ret > 0) {
                    return ret;
                }
            }
            return 0;
        }
    }

    /**
     * The driver {@code VFIO_SET_IOMMU} chooses: the first registered one, with its module pinned,
     * that supports the type as an extension; the type is also passed to its open, so one driver
     * may serve several interfaces. Called with a container's group lock held.
     *
     * @param type the IOMMU type
     * @return the driver, pinned: the caller keeps or drops the reference with {@link #unpinDriver}
     */
    Optional<VfioIommuDriver> pinDriverFor(long type) {
        synchronized (iommuDriversLock) {
            for (VfioIommuDriver driver : iommuDrivers) {
                if (!kernel.moduleReferences().tryGet(driver)) {
                    continue;
                }
                if (checkExtension(driver, type) > 0) {
                    return Optional.of(driver);
                }
                kernel.moduleReferences().put(driver);
            }
            return Optional.empty();
        }
    }

    /**
     * {@code ops->ioctl(NULL, VFIO_CHECK_EXTENSION, ext)}, run as the backend's module; a backend
     * whose answer fails (a bug, logged by the gate) supports nothing.
     *
     * @param driver a pinned driver
     * @param extension the extension
     * @return its answer, 0 when it failed
     */
    long checkExtension(VfioIommuDriver driver, long extension) {
        try {
            return kernel.driverCalls().call(driver, "check_extension", () -> driver.checkExtension(extension));
        } catch (KernelException e) {
            return 0;
        }
    }

    /** {@return how vfio calls into its backends and bus drivers} */
    DriverCalls calls() {
        return kernel.driverCalls();
    }

    /**
     * {@code module_put(driver->ops->owner)}.
     *
     * @param driver a driver pinned by {@link #pinDriverFor}
     */
    void unpinDriver(VfioIommuDriver driver) {
        kernel.moduleReferences().put(driver);
    }

    // ---- containers -----------------------------------------------------------------------------

    /** {@return a new container, holding the reference of the fd that opens it} */
    VfioContainer containerCreate() {
        return new VfioContainer(this);
    }

    // ---- groups ---------------------------------------------------------------------------------

    /**
     * {@code vfio_create_group}: a group for an IOMMU group, with the lowest free minor and its
     * node; or the existing one if another caller created it meanwhile. Takes {@code group_lock}.
     *
     * @param iommuGroup the IOMMU group
     * @return the group, with one reference for the caller
     * @throws KernelException ENOSPC when no minor is free, or {@code device_create}'s errno
     */
    private VfioGroup groupCreate(IommuGroup iommuGroup) throws KernelException {
        VfioGroup group = new VfioGroup(this, iommuGroup);
        // Registered before taking group_lock, as vfio.c does: the chain has its own lock.
        iommuGroup.registerNotifier(group);
        synchronized (groupLock) {
            Optional<VfioGroup> raced = groupFind(iommuGroup);
            if (raced.isPresent()) {
                iommuGroup.unregisterNotifier(group);
                raced.get().getLocked();
                return raced.get();
            }
            try {
                int minor = kernel.tracker().acquire(IDR_ALLOC,
                        () -> groupIdr.alloc(group, 0, DevT.MINORMASK + 1), Vfio::minorResource);
                group.setMinor(minor);
                createGroupDevice(group, minor);
            } catch (KernelException e) {
                iommuGroup.unregisterNotifier(group);
                throw e;
            }
            groupList.put(iommuGroup, group);
            return group;
        }
    }

    /** {@code device_create} of {@code /dev/vfio/<id>}; a failure frees the minor. Called with group_lock held. */
    private void createGroupDevice(VfioGroup group, int minor) throws KernelException {
        DevT devt = DevT.of(groupDevt.major(), minor);
        try {
            kernel.devices().deviceCreate(vfioClass, null, devt, group,
                    Integer.toString(group.iommuGroup().id()));
        } catch (KernelException e) {
            freeMinor(minor);
            throw e;
        }
    }

    private void freeMinor(int minor) {
        kernel.tracker().release("idr_remove", minorResource(minor), () -> groupIdr.remove(minor));
    }

    private static String minorResource(int minor) {
        return "vfio group minor " + minor;
    }

    /** {@code vfio_group_release}: the last reference went. Called with group_lock held. */
    private void groupRelease(VfioGroup group) {
        groupList.remove(group.iommuGroup());
        kernel.devices().deviceDestroy(vfioClass, DevT.of(groupDevt.major(), group.minor()));
        freeMinor(group.minor());
        group.iommuGroup().unregisterNotifier(group);
    }

    /**
     * {@code vfio_group_put}: takes group_lock, since the last put removes the group.
     *
     * @param group the group
     */
    void groupPut(VfioGroup group) {
        synchronized (groupLock) {
            if (group.putLocked()) {
                groupRelease(group);
            }
        }
    }

    /**
     * {@code vfio_group_get}: the caller already holds a reference.
     *
     * @param group the group
     */
    void groupGet(VfioGroup group) {
        synchronized (groupLock) {
            group.getLocked();
        }
    }

    /** Called with group_lock held. */
    private Optional<VfioGroup> groupFind(IommuGroup iommuGroup) {
        return Optional.ofNullable(groupList.get(iommuGroup));
    }

    /** {@code vfio_group_get_from_iommu}. */
    private Optional<VfioGroup> groupGetFromIommu(IommuGroup iommuGroup) {
        synchronized (groupLock) {
            Optional<VfioGroup> group = groupFind(iommuGroup);
            group.ifPresent(VfioGroup::getLocked);
            return group;
        }
    }

    /**
     * {@code vfio_group_get_from_minor}: what a group fd open finds.
     *
     * @param minor the minor of the node opened
     * @return the group, with a reference for the caller
     */
    Optional<VfioGroup> groupGetFromMinor(int minor) {
        synchronized (groupLock) {
            Optional<VfioGroup> group = groupIdr.find(minor);
            group.ifPresent(VfioGroup::getLocked);
            return group;
        }
    }

    // ---- devices --------------------------------------------------------------------------------

    @Override
    public <T> void addGroupDev(Device device, VfioDeviceOps<T> ops, T deviceData) throws KernelException {
        IommuGroup iommuGroup = iommu.groupOf(device)
                .orElseThrow(() -> new KernelException(Errno.EINVAL, "vfio: " + device.name() + " has no IOMMU group"));
        Optional<VfioGroup> existing = groupGetFromIommu(iommuGroup);
        VfioGroup group = existing.isPresent() ? existing.get() : groupCreate(iommuGroup);
        try {
            group.addDevice(new VfioDevice<>(device, group, ops, deviceData, kernel.driverCalls()));
        } finally {
            // The added device holds its own group reference; drop the one used to find the group.
            groupPut(group);
        }
    }

    @Override
    public List<VfioContainerState> containers() {
        Map<VfioContainer, List<VfioContainerState.Group>> containers = new LinkedHashMap<>();
        synchronized (groupLock) {
            groupList.values().stream().sorted(Comparator.comparingInt(g -> g.iommuGroup().id()))
                    .forEach(g -> g.container().ifPresent(
                            c -> containers.computeIfAbsent(c, k -> new ArrayList<>()).add(g.state())));
        }
        // Each container is asked outside vfio's group lock, which is never taken inside a container's.
        return containers.entrySet().stream().map(e -> e.getKey().state(e.getValue())).toList();
    }

    @Override
    public List<OpenFile> deviceFiles(Device device) {
        return device.driverData().orElse(null) instanceof VfioDevice<?> vdev ? vdev.files() : List.of();
    }

    @Override
    public Object delGroupDev(Device device) {
        VfioDevice<?> vdev = device.driverData(VfioDevice.class);
        VfioGroup group = vdev.group();
        Object deviceData = vdev.deviceData();
        // The group exists as long as we hold a device reference; hold it to watch the device go.
        groupGet(group);
        devicePut(vdev);
        waitForRelease(group, device);
        groupPut(group);
        return deviceData;
    }

    /** {@code wait_event(vfio.release_q, !vfio_dev_present(group, dev))}, uninterruptible as in the kernel. */
    private void waitForRelease(VfioGroup group, Device device) {
        boolean interrupted = false;
        releaseLock.lock();
        try {
            while (group.devicePresent(device)) {
                try {
                    releaseQ.await();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            releaseLock.unlock();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * {@code vfio_device_put}: the last reference unlinks the device, wakes {@code release_q} and
     * drops the device's group reference.
     *
     * @param device the device
     */
    void devicePut(VfioDevice<?> device) {
        VfioGroup group = device.group();
        if (!group.putDevice(device)) {
            return;
        }
        releaseLock.lock();
        try {
            releaseQ.signalAll();
        } finally {
            releaseLock.unlock();
        }
        groupPut(group);
    }

    // ---- file operations and what they reach -----------------------------------------------------

    /** {@return the kernel this vfio is loaded into} */
    Kernel kernel() {
        return kernel;
    }

    /** {@return {@code vfio_fops}: a file is a container fd exactly when its operations are these} */
    ContainerFops vfioFops() {
        return vfioFops;
    }

    /** {@return {@code vfio_device_fops}} */
    DeviceFops deviceFops() {
        return deviceFops;
    }

    /** {@code vfio_devnode}: {@code vfio/<name>}; no mode, so devtmpfs makes it 0600. */
    private static DevnodeSpec devnode(Device device) {
        return DevnodeSpec.named("vfio/" + device.name());
    }

    // ---- init and exit --------------------------------------------------------------------------

    /**
     * {@code vfio_init}: the misc device, class {@code vfio}, the group region and the group cdev,
     * each undone in reverse by the seed's labels when a later step fails.
     */
    @Override
    public void init(ModuleContext context) throws KernelException {
        kernel = context.kernel();
        misc = MiscRegistry.of(kernel);
        iommu = kernel.subsystem(Iommu.class)
                .orElseThrow(() -> new KernelException(Errno.ENODEV, "vfio: no iommu core in this kernel"));
        vfioDev = MiscDevice.builder(MiscMinors.VFIO_MINOR, "vfio", vfioFops)
                .nodename("vfio/vfio").mode(0666).build();
        try (Unwind unwind = context.unwind()) {
            miscRegister();
            if (!forgetErrClass) {
                unwind.onError(() -> misc.deregister(vfioDev));                              // err_class
            }
            vfioClass = kernel.devices().classCreate("vfio", Vfio::devnode);
            unwind.onError(() -> kernel.devices().classDestroy(vfioClass));                  // err_alloc_chrdev
            groupDevt = kernel.chrdev().allocRegion(0, DevT.MINORMASK, "vfio");
            unwind.onError(() -> kernel.chrdev().unregisterRegion(groupDevt, DevT.MINORMASK)); // err_cdev_add
            groupCdev = kernel.chrdev().cdevAdd(groupDevt, DevT.MINORMASK, groupFops);
            context.log().info(DRIVER_DESC + " version: " + DRIVER_VERSION);
            unwind.commit();
        }
        // EXPORT_SYMBOL_GPL(vfio_add_group_dev) and the rest: what the modules depending on vfio use.
        context.export(VfioRegistry.class, this);
        // Optional: the backends register themselves when they load; a missing one is silent.
        context.requestModuleNowait("vfio_iommu_type1");
        context.requestModuleNowait("vfio_iommu_spapr_tce");
    }

    private void miscRegister() throws KernelException {
        try {
            misc.register(vfioDev);
        } catch (KernelException e) {
            kernel.log().err("vfio: misc device register failed");
            throw e;
        }
    }

    /** {@code vfio_cleanup}: undoes {@code init} in the seed's order. */
    @Override
    public void exit() {
        synchronized (groupLock) {
            if (!groupList.isEmpty()) {
                kernel.log().warn("WARNING: at drivers/vfio/vfio.c vfio_cleanup(): " + groupList.size()
                        + " groups remain");
            }
        }
        kernel.chrdev().cdevDel(groupCdev);
        kernel.chrdev().unregisterRegion(groupDevt, DevT.MINORMASK);
        kernel.devices().classDestroy(vfioClass);
        misc.deregister(vfioDev);
    }
}
