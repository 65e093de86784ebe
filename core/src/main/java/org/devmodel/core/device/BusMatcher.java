package org.devmodel.core.device;

/**
 * A bus's {@code match}: whether a driver can drive a device, by its id table. The driver model
 * checks {@code driver_override} before asking it.
 */
@FunctionalInterface
public interface BusMatcher {
    /** Matches nothing: drivers bind only through {@code driver_override} and explicit binds. */
    BusMatcher NONE = (device, driver) -> false;

    /**
     * {@return whether the driver supports the device}
     *
     * @param device the device
     * @param driver the driver
     */
    boolean match(Device device, DeviceDriver driver);
}
