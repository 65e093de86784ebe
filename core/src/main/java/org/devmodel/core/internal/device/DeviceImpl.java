package org.devmodel.core.internal.device;

import java.util.Optional;
import org.devmodel.core.DevT;
import org.devmodel.core.device.Bus;
import org.devmodel.core.device.Device;
import org.devmodel.core.device.DeviceClass;
import org.devmodel.core.device.DeviceDriver;

/** A device: a class device, a bus device, or both. */
final class DeviceImpl implements Device {
    private final String name;
    private final Optional<DevT> devt;
    private final Optional<DeviceClass> deviceClass;
    private final Optional<Bus> bus;
    private final Optional<Device> parent;
    private volatile DeviceDriver driver;
    private volatile Object driverData;
    private volatile String driverOverride;
    /** The node path and mode the devnode callback chose, kept since the callback may change its mind. */
    private volatile String nodeName;
    private volatile int nodeMode;

    DeviceImpl(String name, DevT devt, DeviceClass deviceClass, Bus bus, Device parent) {
        this.name = name;
        this.devt = Optional.ofNullable(devt);
        this.deviceClass = Optional.ofNullable(deviceClass);
        this.bus = Optional.ofNullable(bus);
        this.parent = Optional.ofNullable(parent);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<DevT> devt() {
        return devt;
    }

    @Override
    public Optional<DeviceClass> deviceClass() {
        return deviceClass;
    }

    @Override
    public Optional<Bus> bus() {
        return bus;
    }

    @Override
    public Optional<Device> parent() {
        return parent;
    }

    @Override
    public Optional<DeviceDriver> driver() {
        return Optional.ofNullable(driver);
    }

    void setDriver(DeviceDriver driver) {
        this.driver = driver;
    }

    @Override
    public Optional<Object> driverData() {
        return Optional.ofNullable(driverData);
    }

    @Override
    public void setDriverData(Object data) {
        this.driverData = data;
    }

    @Override
    public Optional<String> driverOverride() {
        return Optional.ofNullable(driverOverride);
    }

    void setDriverOverride(String driverOverride) {
        this.driverOverride = driverOverride;
    }

    String nodeName() {
        return nodeName;
    }

    /** {@return the mode the devnode callback chose, 0 when it chose none} */
    int nodeMode() {
        return nodeMode;
    }

    void setNode(String nodeName, int nodeMode) {
        this.nodeName = nodeName;
        this.nodeMode = nodeMode;
    }

    /** {@return the ledger's name for a class device: {@code device vfio/3 (254:0)}} */
    String resource() {
        return "device " + deviceClass.map(DeviceClass::name).orElse("-") + "/" + name
                + devt.map(d -> " (" + d + ")").orElse("");
    }

    @Override
    public String toString() {
        return name;
    }
}
