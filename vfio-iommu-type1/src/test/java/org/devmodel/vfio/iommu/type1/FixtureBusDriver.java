package org.devmodel.vfio.iommu.type1;

import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.device.Device;
import org.devmodel.core.device.DeviceDriver;
import org.devmodel.vfio.VfioDeviceOps;
import org.devmodel.vfio.VfioRegistry;

/**
 * A VFIO bus driver in the manner of vfio-pci, reduced to what a container needs: its probe hands
 * the device to vfio so the device's IOMMU group gets a group node, its remove takes it back. Its
 * device fds keep vfio's defaults (EINVAL for everything).
 */
final class FixtureBusDriver implements DeviceDriver, VfioDeviceOps<String> {
    private final Kernel kernel;

    FixtureBusDriver(Kernel kernel) {
        this.kernel = kernel;
    }

    @Override
    public String name() {
        return "type1-fixture";
    }

    @Override
    public void probe(Device device) throws KernelException {
        VfioRegistry.of(kernel).addGroupDev(device, this, device.name());
    }

    @Override
    public void remove(Device device) {
        VfioRegistry.of(kernel).delGroupDev(device);
    }
}
