package org.devmodel.core.internal.device;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.devmodel.core.DevT;
import org.devmodel.core.KernelException;
import org.devmodel.core.device.Bus;
import org.devmodel.core.device.BusListener;
import org.devmodel.core.device.BusMatcher;
import org.devmodel.core.device.DevnodeCallback;
import org.devmodel.core.device.Device;
import org.devmodel.core.device.DeviceClass;
import org.devmodel.core.device.DeviceDriver;
import org.devmodel.core.device.DeviceModel;
import org.devmodel.core.device.Uevent;
import org.devmodel.core.fault.ResourceTracker;
import org.devmodel.core.fs.Vfs;
import org.devmodel.core.internal.DriverGate;
import org.devmodel.core.internal.WorkQueue;
import org.devmodel.core.log.KernelLog;

/** The driver model: class devices and buses, with uevents delivered in order on the event queue. */
public final class DeviceModelImpl implements DeviceModel {
    private final ClassDevices classes;
    private final Buses buses;
    private final WorkQueue events;
    private final List<Consumer<Uevent>> ueventListeners = new CopyOnWriteArrayList<>();

    /**
     * @param tracker records acquisitions and passes fault sites
     * @param vfs receives sysfs entries and devtmpfs nodes
     * @param log receives warnings
     * @param gate calls into drivers
     * @param events delivers uevents
     */
    public DeviceModelImpl(ResourceTracker tracker, Vfs vfs, KernelLog log, DriverGate gate, WorkQueue events) {
        this.events = events;
        this.classes = new ClassDevices(tracker, vfs, log, this::queueUevent, gate);
        this.buses = new Buses(tracker, vfs, log, gate);
    }

    private void queueUevent(Uevent event) {
        events.queue(() -> ueventListeners.forEach(l -> l.accept(event)));
    }

    @Override
    public DeviceClass classCreate(String name, DevnodeCallback devnode) throws KernelException {
        return classes.create(name, devnode);
    }

    @Override
    public void classDestroy(DeviceClass deviceClass) {
        classes.destroy(deviceClass);
    }

    @Override
    public Device deviceCreate(DeviceClass deviceClass, Device parent, DevT devt, Object driverData, String name)
            throws KernelException {
        return classes.create(deviceClass, parent, devt, driverData, name);
    }

    @Override
    public void deviceDestroy(DeviceClass deviceClass, DevT devt) {
        classes.destroy(deviceClass, devt);
    }

    @Override
    public List<Device> classDevices() {
        return classes.devices();
    }

    /** {@return the registered class names, for snapshots} */
    public List<String> classNames() {
        return classes.classNames();
    }

    /** {@return every driver as "bus/name", for snapshots} */
    public List<String> driverNames() {
        return buses.driverNames();
    }

    @Override
    public Bus busRegister(String name, BusMatcher matcher) throws KernelException {
        return buses.register(name, matcher);
    }

    @Override
    public Optional<Bus> bus(String name) {
        return buses.find(name);
    }

    @Override
    public Device deviceRegister(Bus bus, String name, Device parent) throws KernelException {
        return buses.addDevice(bus, name, parent);
    }

    @Override
    public void deviceUnregister(Device device) {
        buses.removeDevice(device);
    }

    @Override
    public List<Device> busDevices(Bus bus) {
        return buses.devices(bus);
    }

    @Override
    public void driverRegister(Bus bus, DeviceDriver driver) throws KernelException {
        buses.registerDriver(bus, driver);
    }

    @Override
    public void driverUnregister(DeviceDriver driver) {
        buses.unregisterDriver(driver);
    }

    @Override
    public Optional<DeviceDriver> driver(Bus bus, String name) {
        return buses.driver(bus, name);
    }

    @Override
    public void bind(DeviceDriver driver, Device device) throws KernelException {
        buses.bind(driver, device);
    }

    @Override
    public void unbind(Device device) {
        buses.unbind(device);
    }

    @Override
    public void setDriverOverride(Device device, String driverName) {
        buses.setDriverOverride(device, driverName);
    }

    @Override
    public void busNotifierRegister(Bus bus, BusListener listener) {
        buses.listen(bus, listener);
    }

    @Override
    public void busNotifierUnregister(Bus bus, BusListener listener) {
        buses.unlisten(bus, listener);
    }

    @Override
    public void ueventListen(Consumer<Uevent> listener) {
        ueventListeners.add(listener);
    }
}
