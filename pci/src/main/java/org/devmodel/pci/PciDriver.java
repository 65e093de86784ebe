package org.devmodel.pci;

import java.util.List;
import org.devmodel.core.KernelException;

/**
 * {@code struct pci_driver}: a driver for PCI functions, registered with
 * {@link Pci#registerDriver(PciDriver)}. It binds a function whose ids match its id table or an id
 * added with {@code new_id}, or a function whose {@code driver_override} names it.
 *
 * <p>{@code probe} and {@code remove} are called with the function's device lock held, as the
 * driver core does; {@code remove} may wait (vfio-pci waits for the device fd to close).
 */
public interface PciDriver {

    /** {@return the driver name, as in {@code /sys/bus/pci/drivers/<name>}} */
    String name();

    /** {@return the static id table; empty for a driver bound only by {@code new_id} or {@code driver_override}, as v3.14's vfio-pci} */
    List<PciDeviceId> idTable();

    /**
     * Takes the function over. A driver that delivers interrupts sets its handler here with
     * {@link PciFunction#setInterruptHandler}.
     *
     * @param function the function being bound
     * @throws KernelException to refuse it; ENODEV and ENXIO are quiet refusals
     */
    void probe(PciFunction function) throws KernelException;

    /**
     * Lets the function go. Its interrupt handler is cleared after this returns.
     *
     * @param function the function being unbound
     */
    void remove(PciFunction function);
}
