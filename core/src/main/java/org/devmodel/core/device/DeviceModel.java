package org.devmodel.core.device;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.devmodel.core.DevT;
import org.devmodel.core.KernelException;

/**
 * The driver model ({@code drivers/base}): classes and their devices with devtmpfs nodes and sysfs
 * entries, buses, drivers, binding and the bus notifier chain. {@code class_create},
 * {@code device_create} and {@code driver_register} are fault sites.
 */
public interface DeviceModel {

    /**
     * {@code class_create}: registers {@code /sys/class/<name>}.
     *
     * @param name the class name
     * @param devnode where its devices' nodes go; {@link DevnodeCallback#NONE} for none
     * @return the class
     * @throws KernelException EEXIST for a name in use, or an injected fault
     */
    DeviceClass classCreate(String name, DevnodeCallback devnode) throws KernelException;

    /**
     * {@code class_destroy}: does nothing for null, as the kernel does for NULL.
     *
     * @param deviceClass the class, or null; its devices should be destroyed first
     */
    void classDestroy(DeviceClass deviceClass);

    /**
     * {@code device_create}: a class device with a {@code dev} attribute, a devtmpfs node at the
     * class's devnode, and an add uevent.
     *
     * @param deviceClass the class
     * @param parent the parent device, or null
     * @param devt the device number
     * @param driverData attached as drvdata (the devnode callback may read it), or null
     * @param name the device name
     * @return the device
     * @throws KernelException EEXIST for a name or device number in use, or an injected fault
     */
    Device deviceCreate(DeviceClass deviceClass, Device parent, DevT devt, Object driverData, String name)
            throws KernelException;

    /**
     * {@code device_destroy}: removes the first device of the class with that number; nothing when
     * there is none.
     *
     * @param deviceClass the class
     * @param devt the device number
     */
    void deviceDestroy(DeviceClass deviceClass, DevT devt);

    /** {@return every class device, in creation order} */
    List<Device> classDevices();

    /**
     * {@code bus_register}: a bus under {@code /sys/bus/<name>}.
     *
     * @param name the bus name
     * @param matcher its {@code match}
     * @return the bus
     * @throws KernelException EEXIST for a name in use
     */
    Bus busRegister(String name, BusMatcher matcher) throws KernelException;

    /**
     * {@return a registered bus by name}
     *
     * @param name the bus name
     */
    Optional<Bus> bus(String name);

    /**
     * {@code device_register} on a bus: adds the device, sends ADD_DEVICE, then tries to bind it
     * to a matching driver.
     *
     * @param bus the bus
     * @param name the device name
     * @param parent the parent device, or null
     * @return the device
     * @throws KernelException EEXIST for a name in use on the bus
     */
    Device deviceRegister(Bus bus, String name, Device parent) throws KernelException;

    /**
     * {@code device_unregister}: unbinds it, sends DEL_DEVICE and removes it.
     *
     * @param device a bus device
     */
    void deviceUnregister(Device device);

    /**
     * {@return the devices on a bus, in registration order}
     *
     * @param bus the bus
     */
    List<Device> busDevices(Bus bus);

    /**
     * {@code driver_register}: adds the driver to the bus ({@code /sys/bus/<bus>/drivers/<name>})
     * and binds every unbound device it matches.
     *
     * @param bus the bus
     * @param driver the driver
     * @throws KernelException EBUSY for a name in use on the bus, or an injected fault
     */
    void driverRegister(Bus bus, DeviceDriver driver) throws KernelException;

    /**
     * {@code driver_unregister}: unbinds every device bound to it, then removes it.
     *
     * @param driver the driver
     */
    void driverUnregister(DeviceDriver driver);

    /**
     * {@return a driver registered on a bus, by name}
     *
     * @param bus the bus
     * @param name the driver name
     */
    Optional<DeviceDriver> driver(Bus bus, String name);

    /**
     * The sysfs {@code bind} file of a driver: binds one unbound device to it. The device's
     * {@code driver_override}, when set, must name this driver.
     *
     * @param driver the driver
     * @param device the device
     * @throws KernelException ENODEV when the device already has a driver, the driver does not match it,
     *     or its probe refuses it (v3.14's {@code bind_store}: the probe's own errno is only logged)
     */
    void bind(DeviceDriver driver, Device device) throws KernelException;

    /**
     * {@code device_release_driver}: unbinds the device from its driver, if it has one.
     *
     * @param device the device
     */
    void unbind(Device device);

    /**
     * The sysfs {@code driver_override} file.
     *
     * @param device the device
     * @param driverName the only driver that may bind it, or null to clear
     */
    void setDriverOverride(Device device, String driverName);

    /**
     * {@code bus_register_notifier}.
     *
     * @param bus the bus
     * @param listener the block
     */
    void busNotifierRegister(Bus bus, BusListener listener);

    /**
     * {@code bus_unregister_notifier}.
     *
     * @param bus the bus
     * @param listener the block
     */
    void busNotifierUnregister(Bus bus, BusListener listener);

    /**
     * Subscribes to uevents, as udev listens on its netlink socket. Events are delivered in order on
     * the kernel's event worker; {@code Kernel.settle()} waits until they are all delivered.
     *
     * @param listener receives each event
     */
    void ueventListen(Consumer<Uevent> listener);
}
