package org.devmodel.core.device;

import org.devmodel.core.KernelException;

/**
 * {@code struct device_driver}: a driver on a bus. {@code probe} and {@code remove} are called with
 * the device's lock held, as the kernel's driver core does.
 */
public interface DeviceDriver {

    /** {@return the driver name, as in {@code /sys/bus/<bus>/drivers/<name>}} */
    String name();

    /**
     * Takes the device over.
     *
     * @param device the device being bound
     * @throws KernelException to refuse it; ENODEV and ENXIO are quiet refusals
     */
    void probe(Device device) throws KernelException;

    /**
     * Lets the device go; it may wait (VFIO waits for the device's fds to close).
     *
     * @param device the device being unbound
     */
    void remove(Device device);
}
