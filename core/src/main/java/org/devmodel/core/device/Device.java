package org.devmodel.core.device;

import java.util.Optional;
import org.devmodel.core.DevT;

/**
 * {@code struct device}: a class device made by {@code device_create}, or a device on a bus (a PCI
 * function), or both.
 */
public interface Device {

    /** {@return {@code dev_name}: e.g. {@code vfio} or {@code 0000:00:03.0}} */
    String name();

    /** {@return the device number, for a device with a node} */
    Optional<DevT> devt();

    /** {@return the class, for a class device} */
    Optional<DeviceClass> deviceClass();

    /** {@return the bus, for a bus device} */
    Optional<Bus> bus();

    /** {@return the parent device, if any} */
    Optional<Device> parent();

    /** {@return the driver bound to it now, if any} */
    Optional<DeviceDriver> driver();

    /** {@return {@code dev_get_drvdata}: what its creator or driver attached, if anything} */
    Optional<Object> driverData();

    /**
     * {@return the driver data as the type stored}
     *
     * @param type the expected class
     * @param <T> the type
     * @throws IllegalStateException when none of that type is attached
     */
    default <T> T driverData(Class<T> type) {
        return driverData().filter(type::isInstance).map(type::cast)
                .orElseThrow(() -> new IllegalStateException(name() + ": no driver data of type " + type.getName()));
    }

    /**
     * @param data {@code dev_set_drvdata}; null clears it
     */
    void setDriverData(Object data);

    /** {@return the sysfs {@code driver_override}: the only driver that may bind it, if set} */
    Optional<String> driverOverride();
}
