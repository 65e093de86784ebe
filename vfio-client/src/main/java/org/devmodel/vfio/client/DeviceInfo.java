package org.devmodel.vfio.client;

import org.devmodel.vfio.uapi.VfioIoctls;

/**
 * {@code struct vfio_device_info}, the answer of {@code VFIO_DEVICE_GET_INFO}.
 *
 * @param flags {@code VFIO_DEVICE_FLAGS_*}
 * @param regions how many region indices the device has ({@code num_regions})
 * @param irqs how many IRQ indices it has ({@code num_irqs})
 */
public record DeviceInfo(int flags, int regions, int irqs) {
    /** {@return whether {@link Device#reset()} is supported ({@code VFIO_DEVICE_FLAGS_RESET})} */
    public boolean resettable() {
        return (flags & VfioIoctls.VFIO_DEVICE_FLAGS_RESET) != 0;
    }

    /** {@return whether it is a vfio-pci device, with vfio-pci's region and IRQ indices ({@code VFIO_DEVICE_FLAGS_PCI})} */
    public boolean pci() {
        return (flags & VfioIoctls.VFIO_DEVICE_FLAGS_PCI) != 0;
    }
}
