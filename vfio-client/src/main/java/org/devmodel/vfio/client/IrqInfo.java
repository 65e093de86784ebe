package org.devmodel.vfio.client;

import org.devmodel.vfio.uapi.VfioIoctls;

/**
 * {@code struct vfio_irq_info}, the answer of {@code VFIO_DEVICE_GET_IRQ_INFO}.
 *
 * @param index the IRQ index (vfio-pci: {@code VFIO_PCI_INTX_IRQ_INDEX}, {@code MSI}, {@code MSIX}, {@code ERR})
 * @param flags {@code VFIO_IRQ_INFO_*}
 * @param count how many vectors the index has (0 when the device lacks it)
 */
public record IrqInfo(int index, int flags, int count) {
    /** {@return whether its vectors can signal eventfds ({@code VFIO_IRQ_INFO_EVENTFD})} */
    public boolean eventfd() {
        return (flags & VfioIoctls.VFIO_IRQ_INFO_EVENTFD) != 0;
    }

    /** {@return whether it can be masked ({@code VFIO_IRQ_INFO_MASKABLE})} */
    public boolean maskable() {
        return (flags & VfioIoctls.VFIO_IRQ_INFO_MASKABLE) != 0;
    }

    /** {@return whether the kernel masks it on each interrupt until unmasked, as INTx ({@code AUTOMASKED})} */
    public boolean automasked() {
        return (flags & VfioIoctls.VFIO_IRQ_INFO_AUTOMASKED) != 0;
    }

    /** {@return whether the vectors must be set up all at once ({@code VFIO_IRQ_INFO_NORESIZE})} */
    public boolean noResize() {
        return (flags & VfioIoctls.VFIO_IRQ_INFO_NORESIZE) != 0;
    }
}
