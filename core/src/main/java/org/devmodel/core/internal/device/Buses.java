package org.devmodel.core.internal.device;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.device.Bus;
import org.devmodel.core.device.BusEvent;
import org.devmodel.core.device.BusListener;
import org.devmodel.core.device.BusMatcher;
import org.devmodel.core.device.Device;
import org.devmodel.core.device.DeviceDriver;
import org.devmodel.core.fault.FaultSite;
import org.devmodel.core.fault.ResourceTracker;
import org.devmodel.core.fs.Vfs;
import org.devmodel.core.internal.DriverGate;
import org.devmodel.core.log.KernelLog;

/**
 * Buses, their devices and drivers, and binding ({@code drivers/base/bus.c} and {@code dd.c} of
 * v3.14). One lock serialises every bind and unbind, as the device lock and the bus's
 * {@code klist} walks do together; probe, remove and notifier blocks run with it held.
 */
final class Buses {
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, BusImpl> buses = new TreeMap<>();
    private final Map<DeviceDriver, BusImpl> driverBus = new IdentityHashMap<>();
    private final ResourceTracker tracker;
    private final Vfs vfs;
    private final KernelLog log;
    private final DriverGate gate;

    Buses(ResourceTracker tracker, Vfs vfs, KernelLog log, DriverGate gate) {
        this.tracker = tracker;
        this.vfs = vfs;
        this.log = log;
        this.gate = gate;
    }

    Bus register(String name, BusMatcher matcher) throws KernelException {
        lock.lock();
        try {
            if (buses.containsKey(name)) {
                throw new KernelException(Errno.EEXIST, "bus " + name + ": " + Errno.EEXIST.message());
            }
            BusImpl bus = new BusImpl(name, matcher);
            buses.put(name, bus);
            vfs.publishDirectory("/sys/bus/" + name + "/devices");
            vfs.publishDirectory("/sys/bus/" + name + "/drivers");
            return bus;
        } finally {
            lock.unlock();
        }
    }

    Optional<Bus> find(String name) {
        lock.lock();
        try {
            return Optional.ofNullable(buses.get(name));
        } finally {
            lock.unlock();
        }
    }

    Device addDevice(Bus bus, String name, Device parent) throws KernelException {
        BusImpl b = (BusImpl) bus;
        lock.lock();
        try {
            if (b.devices.containsKey(name)) {
                throw new KernelException(Errno.EEXIST, bus + " device " + name + ": " + Errno.EEXIST.message());
            }
            DeviceImpl device = new DeviceImpl(name, null, null, bus, parent);
            b.devices.put(name, device);
            vfs.publish(deviceDir(device) + "/driver_override",
                    () -> device.driverOverride().orElse("(null)") + "\n");
            notify(b, BusEvent.ADD_DEVICE, device);
            attachDevice(b, device);
            return device;
        } finally {
            lock.unlock();
        }
    }

    /** {@code device_attach}: the first matching driver in registration order that probes it wins. */
    private void attachDevice(BusImpl bus, DeviceImpl device) {
        for (DeviceDriver driver : List.copyOf(bus.drivers.values())) {
            // a driver being unregistered is no longer on the bus's list
            if (driverBus.containsKey(driver) && matches(bus, device, driver) && probe(bus, driver, device)) {
                return;
            }
        }
    }

    void removeDevice(Device device) {
        DeviceImpl d = (DeviceImpl) device;
        BusImpl bus = (BusImpl) d.bus().orElseThrow(() -> new IllegalArgumentException("not a bus device: " + d));
        lock.lock();
        try {
            if (bus.devices.get(d.name()) != d) {
                return;
            }
            notify(bus, BusEvent.DEL_DEVICE, d);
            release(bus, d);
            bus.devices.remove(d.name());
            vfs.unpublish(deviceDir(d) + "/driver_override");
        } finally {
            lock.unlock();
        }
    }

    List<Device> devices(Bus bus) {
        lock.lock();
        try {
            return List.copyOf(((BusImpl) bus).devices.values());
        } finally {
            lock.unlock();
        }
    }

    void registerDriver(Bus bus, DeviceDriver driver) throws KernelException {
        BusImpl b = (BusImpl) bus;
        tracker.acquire(FaultSite.DRIVER_REGISTER, () -> addDriver(b, driver), ignored -> resource(b, driver));
    }

    private DeviceDriver addDriver(BusImpl bus, DeviceDriver driver) throws KernelException {
        lock.lock();
        try {
            if (bus.drivers.containsKey(driver.name())) {
                log.err("Error: Driver '" + driver.name() + "' is already registered, aborting...");
                throw new KernelException(Errno.EBUSY, "driver " + driver.name() + ": " + Errno.EBUSY.message());
            }
            bus.drivers.put(driver.name(), driver);
            driverBus.put(driver, bus);
            vfs.publishDirectory(driverDir(bus, driver));
            for (DeviceImpl device : List.copyOf(bus.devices.values())) {
                if (device.driver().isEmpty() && matches(bus, device, driver)) {
                    probe(bus, driver, device);
                }
            }
            return driver;
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@code driver_unregister}. The first caller claims the driver (as {@code bus_remove_driver}
     * takes it off the bus's list before detaching), so a second, concurrent call finds nothing to
     * do and records no second release.
     */
    void unregisterDriver(DeviceDriver driver) {
        BusImpl bus;
        lock.lock();
        try {
            bus = driverBus.remove(driver);
        } finally {
            lock.unlock();
        }
        if (bus == null) {
            return;
        }
        tracker.release("driver_unregister", resource(bus, driver), () -> dropDriver(bus, driver));
    }

    private void dropDriver(BusImpl bus, DeviceDriver driver) {
        lock.lock();
        try {
            for (DeviceImpl device : List.copyOf(bus.devices.values())) {
                if (device.driver().orElse(null) == driver) {
                    release(bus, device);
                }
            }
            bus.drivers.remove(driver.name());
            vfs.unpublish(driverDir(bus, driver));
        } finally {
            lock.unlock();
        }
    }

    Optional<DeviceDriver> driver(Bus bus, String name) {
        lock.lock();
        try {
            return Optional.ofNullable(((BusImpl) bus).drivers.get(name));
        } finally {
            lock.unlock();
        }
    }

    /**
     * The sysfs {@code bind} file ({@code bind_store}): ENODEV unless the device is unbound, matches,
     * and the driver's probe accepts it, since {@code really_probe} swallows the probe's errno.
     */
    void bind(DeviceDriver driver, Device device) throws KernelException {
        lock.lock();
        try {
            BusImpl bus = driverBus.get(driver);
            DeviceImpl d = (DeviceImpl) device;
            boolean bound = bus != null && bus.devices.get(d.name()) == d && d.driver().isEmpty()
                    && matches(bus, d, driver) && probe(bus, driver, d);
            if (!bound) {
                throw new KernelException(Errno.ENODEV, driver.name() + ": cannot bind " + device.name());
            }
        } finally {
            lock.unlock();
        }
    }

    void unbind(Device device) {
        DeviceImpl d = (DeviceImpl) device;
        lock.lock();
        try {
            d.bus().map(b -> (BusImpl) b).ifPresent(bus -> release(bus, d));
        } finally {
            lock.unlock();
        }
    }

    void setDriverOverride(Device device, String driverName) {
        lock.lock();
        try {
            ((DeviceImpl) device).setDriverOverride(driverName == null || driverName.isEmpty() ? null : driverName);
        } finally {
            lock.unlock();
        }
    }

    void listen(Bus bus, BusListener listener) {
        ((BusImpl) bus).listeners.add(listener);
    }

    void unlisten(Bus bus, BusListener listener) {
        ((BusImpl) bus).listeners.remove(listener);
    }

    /** {@code driver_match_device}, with the 3.16 {@code driver_override} rule in front of the bus's match. */
    private static boolean matches(BusImpl bus, DeviceImpl device, DeviceDriver driver) {
        Optional<String> override = device.driverOverride();
        if (override.isPresent()) {
            return override.get().equals(driver.name());
        }
        return bus.matcher.match(device, driver);
    }

    /** {@code really_probe}: returns whether the driver took the device; a refusal is logged unless quiet. */
    private boolean probe(BusImpl bus, DeviceDriver driver, DeviceImpl device) {
        notify(bus, BusEvent.BIND_DRIVER, device);
        device.setDriver(driver);
        try {
            gate.call(driver, "probe", () -> {
                driver.probe(device);
                return null;
            });
        } catch (KernelException e) {
            device.setDriver(null);
            device.setDriverData(null);
            if (e.errno() != Errno.ENODEV && e.errno() != Errno.ENXIO) {
                log.warn(driver.name() + ": probe of " + device.name() + " failed with error -" + e.errno().number());
            }
            return false;
        }
        notify(bus, BusEvent.BOUND_DRIVER, device);
        return true;
    }

    /** {@code __device_release_driver}. */
    private void release(BusImpl bus, DeviceImpl device) {
        DeviceDriver driver = device.driver().orElse(null);
        if (driver == null) {
            return;
        }
        notify(bus, BusEvent.UNBIND_DRIVER, device);
        gate.callVoid(driver, "remove", () -> driver.remove(device));
        device.setDriver(null);
        device.setDriverData(null);
        notify(bus, BusEvent.UNBOUND_DRIVER, device);
    }

    private void notify(BusImpl bus, BusEvent event, DeviceImpl device) {
        for (BusListener listener : bus.listeners) {
            gate.callVoid(listener, "bus notifier", () -> listener.onBusEvent(event, device));
        }
    }

    private static String deviceDir(DeviceImpl device) {
        return "/sys/bus/" + device.bus().orElseThrow().name() + "/devices/" + device.name();
    }

    private static String driverDir(BusImpl bus, DeviceDriver driver) {
        return "/sys/bus/" + bus.name() + "/drivers/" + driver.name();
    }

    private static String resource(BusImpl bus, DeviceDriver driver) {
        return "driver " + bus.name() + "/" + driver.name();
    }

    /** {@return "bus/driver" for every driver of every bus, for snapshots} */
    List<String> driverNames() {
        lock.lock();
        try {
            return driverBus.entrySet().stream().map(e -> resource(e.getValue(), e.getKey()))
                    .sorted().toList();
        } finally {
            lock.unlock();
        }
    }
}
