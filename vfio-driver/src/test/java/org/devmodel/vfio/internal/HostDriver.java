package org.devmodel.vfio.internal;

import org.devmodel.core.device.Device;
import org.devmodel.core.device.DeviceDriver;

/**
 * A host driver that is not VFIO's, such as {@code e1000e}, or one on vfio's whitelist
 * ({@code pci-stub}, {@code pcieport}): it takes devices and does nothing with them.
 *
 * @param name the driver name
 */
record HostDriver(String name) implements DeviceDriver {
    @Override
    public void probe(Device device) {
        // A real driver would set the device up; the fixture only needs to be bound.
    }

    @Override
    public void remove(Device device) {
        // Nothing was set up.
    }
}
