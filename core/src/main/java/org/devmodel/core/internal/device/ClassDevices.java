package org.devmodel.core.internal.device;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.devmodel.core.DevT;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.device.DevnodeCallback;
import org.devmodel.core.device.DevnodeSpec;
import org.devmodel.core.device.Device;
import org.devmodel.core.device.DeviceClass;
import org.devmodel.core.device.Uevent;
import org.devmodel.core.fault.FaultSite;
import org.devmodel.core.fault.ResourceTracker;
import org.devmodel.core.fs.FileType;
import org.devmodel.core.fs.Vfs;
import org.devmodel.core.internal.DriverGate;
import org.devmodel.core.log.KernelLog;

/**
 * Classes and class devices ({@code drivers/base/class.c}, {@code device_create} and
 * {@code device_destroy} of {@code core.c}): sysfs entries, devtmpfs nodes and uevents.
 */
final class ClassDevices {
    private final ResourceTracker tracker;
    private final Vfs vfs;
    private final KernelLog log;
    private final Consumer<Uevent> uevents;
    private final DriverGate gate;
    private final Map<String, ClassImpl> classes = new LinkedHashMap<>();
    /** Every class device in creation order, and the same indexed as sysfs finds them, so none is searched for. */
    private final Set<DeviceImpl> devices = new LinkedHashSet<>();
    private final Map<DevT, DeviceImpl> byDevt = new HashMap<>();
    /** By class (the very object: a class made again under the same name is another directory) and name. */
    private final Map<ClassImpl, Map<String, DeviceImpl>> byName = new IdentityHashMap<>();

    ClassDevices(ResourceTracker tracker, Vfs vfs, KernelLog log, Consumer<Uevent> uevents, DriverGate gate) {
        this.tracker = tracker;
        this.gate = gate;
        this.vfs = vfs;
        this.log = log;
        this.uevents = uevents;
    }

    DeviceClass create(String name, DevnodeCallback devnode) throws KernelException {
        return tracker.acquire(FaultSite.CLASS_CREATE, () -> register(name, devnode), ClassImpl::resource);
    }

    private synchronized ClassImpl register(String name, DevnodeCallback devnode) throws KernelException {
        if (classes.containsKey(name)) {
            log.warn("sysfs: cannot create duplicate filename '/class/" + name + "'");
            throw new KernelException(Errno.EEXIST, "class " + name + ": " + Errno.EEXIST.message());
        }
        ClassImpl created = new ClassImpl(name, devnode);
        classes.put(name, created);
        vfs.publishDirectory("/sys/class/" + name);
        return created;
    }

    void destroy(DeviceClass deviceClass) {
        if (deviceClass == null) {
            return;
        }
        ClassImpl cls = (ClassImpl) deviceClass;
        tracker.release("class_destroy", cls.resource(), () -> unregister(cls));
    }

    private synchronized void unregister(ClassImpl cls) {
        if (classes.remove(cls.name(), cls)) {
            vfs.unpublish("/sys/class/" + cls.name());
        }
    }

    Device create(DeviceClass deviceClass, Device parent, DevT devt, Object data, String name)
            throws KernelException {
        return tracker.acquire(FaultSite.DEVICE_CREATE, () -> add((ClassImpl) deviceClass, parent, devt, data, name),
                DeviceImpl::resource);
    }

    /** {@code device_add}: sysfs, then the devtmpfs node, then the add uevent. */
    private DeviceImpl add(ClassImpl cls, Device parent, DevT devt, Object data, String name)
            throws KernelException {
        DeviceImpl device;
        synchronized (this) {
            if (classes.get(cls.name()) != cls) {
                throw new KernelException(Errno.ENODEV, "device_create: class " + cls.name() + " not registered");
            }
            checkUnique(cls, devt, name);
            device = new DeviceImpl(name, devt, cls, null, parent);
            device.setDriverData(data);
            index(device);
            vfs.publish(sysfsDir(device) + "/dev", () -> devt + "\n");
        }
        DevnodeSpec spec;
        try {
            // the devnode callback is driver code: a bug in it is an errno, and the device goes again
            DevnodeSpec answer = gate.call(cls.devnode(), "devnode", () -> cls.devnode().devnode(device));
            spec = answer == null ? DevnodeSpec.DEFAULT : answer; // NULL: no override, as in the kernel
        } catch (KernelException e) {
            synchronized (this) {
                unindex(device);
                vfs.unpublish(sysfsDir(device) + "/dev");
            }
            throw e;
        }
        String node = spec.name().orElse(name.replace('!', '/'));
        device.setNode(node, spec.mode());
        int mode = spec.mode() != 0 ? spec.mode() : 0600;
        vfs.devtmpfs().createNode(node, FileType.CHAR_DEVICE, devt, mode, 0, 0);
        uevents.accept(uevent("add", device));
        return device;
    }

    /** Sysfs refuses a duplicate name in the class directory and a duplicate {@code /sys/dev/char/M:m} link. */
    private void checkUnique(ClassImpl cls, DevT devt, String name) throws KernelException {
        boolean sameName = byName.getOrDefault(cls, Map.of()).containsKey(name);
        if (sameName || byDevt.containsKey(devt)) {
            String path = sameName ? "/devices/virtual/" + cls.name() + "/" + name : "/dev/char/" + devt;
            log.warn("sysfs: cannot create duplicate filename '" + path + "'");
            throw new KernelException(Errno.EEXIST, "device_create " + name + ": " + Errno.EEXIST.message());
        }
    }

    private void index(DeviceImpl device) {
        devices.add(device);
        byDevt.put(device.devt().orElseThrow(), device);
        byName.computeIfAbsent((ClassImpl) device.deviceClass().orElseThrow(), c -> new HashMap<>())
                .put(device.name(), device);
    }

    private void unindex(DeviceImpl device) {
        devices.remove(device);
        byDevt.remove(device.devt().orElseThrow(), device);
        Map<String, DeviceImpl> names = byName.get((ClassImpl) device.deviceClass().orElseThrow());
        names.remove(device.name(), device);
        if (names.isEmpty()) {
            byName.remove((ClassImpl) device.deviceClass().orElseThrow());
        }
    }

    void destroy(DeviceClass deviceClass, DevT devt) {
        DeviceImpl device;
        synchronized (this) {
            device = byDevt.get(devt);
        }
        if (device != null && device.deviceClass().orElseThrow() == deviceClass) {
            tracker.release("device_destroy", device.resource(), () -> remove(device));
        }
    }

    /** {@code device_del}: the devtmpfs node, then the remove uevent, then sysfs. */
    private void remove(DeviceImpl device) {
        DevT devt = device.devt().orElseThrow();
        vfs.devtmpfs().deleteNode(device.nodeName(), FileType.CHAR_DEVICE, devt);
        uevents.accept(uevent("remove", device));
        synchronized (this) {
            unindex(device);
            vfs.unpublish(sysfsDir(device) + "/dev");
        }
    }

    /**
     * {@code dev_uevent}: every action of a device with a number carries its numbers, its node name
     * and, when the devnode callback set one, its mode.
     */
    private static Uevent uevent(String action, DeviceImpl device) {
        DevT devt = device.devt().orElseThrow();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MAJOR", Integer.toString(devt.major()));
        env.put("MINOR", Integer.toString(devt.minor()));
        env.put("DEVNAME", device.nodeName());
        if (device.nodeMode() != 0) {
            env.put("DEVMODE", String.format("%#o", device.nodeMode()));
        }
        env.put("SUBSYSTEM", device.deviceClass().orElseThrow().name());
        return new Uevent(action, devpath(device), env);
    }

    private static String sysfsDir(DeviceImpl device) {
        return "/sys/class/" + device.deviceClass().orElseThrow().name() + "/" + device.name();
    }

    private static String devpath(DeviceImpl device) {
        String parent = device.parent().map(p -> "/devices/" + p.name()).orElse("/devices/virtual");
        return parent + "/" + device.deviceClass().orElseThrow().name() + "/" + device.name();
    }

    synchronized List<Device> devices() {
        return List.copyOf(devices);
    }

    synchronized List<String> classNames() {
        return List.copyOf(classes.keySet());
    }
}
