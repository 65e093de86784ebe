package org.devmodel.pci;

import java.util.List;
import java.util.Optional;
import org.devmodel.core.KernelException;
import org.devmodel.core.device.Bus;
import org.devmodel.core.device.Device;

/**
 * The PCI core of one kernel, a built-in subsystem (reach it with
 * {@code kernel.subsystem(Pci.class)}): bus {@code pci} with the functions the platform describes,
 * PCI driver registration, and the sysfs write files that bind and unbind functions, as methods.
 *
 * <p>Sysfs: {@code /sys/bus/pci/devices/<address>/} holds {@code vendor}, {@code device},
 * {@code class}, {@code iommu_group}, {@code driver_override} and, while a driver is bound,
 * {@code driver}; {@code /sys/bus/pci/drivers/<name>/} exists while the driver is registered.
 */
public interface Pci {

    /** {@return bus {@code pci}} */
    Bus bus();

    /** {@return every function, in platform order} */
    List<PciFunction> functions();

    /**
     * {@return a function by address, e.g. {@code 0000:00:03.0}}
     *
     * @param address the address
     */
    Optional<PciFunction> function(String address);

    /**
     * {@return the function a device on bus {@code pci} stands for}
     *
     * @param device the device
     */
    Optional<PciFunction> function(Device device);

    /**
     * {@code pci_register_driver}: a fault site and a ledger entry. The driver binds every unbound
     * function it matches.
     *
     * @param driver the driver; it must stay usable until it is unregistered
     * @throws KernelException EBUSY for a name in use, or an injected fault
     */
    void registerDriver(PciDriver driver) throws KernelException;

    /**
     * {@code pci_unregister_driver}: unbinds every function bound to it (each {@code remove} may
     * wait), drops its {@code new_id} ids, and removes it. Nothing happens for a driver not registered.
     *
     * @param driver the driver
     */
    void unregisterDriver(PciDriver driver);

    /**
     * Writing {@code "VENDOR DEVICE"} to {@code /sys/bus/pci/drivers/<driver>/new_id}: the driver
     * matches that id from now on, and every unbound function with it is bound to the driver
     * ({@code driver_attach}, v3.14); functions whose probe refuses stay unbound.
     *
     * @param driverName the driver
     * @param vendor the vendor id
     * @param device the device id
     * @throws KernelException ENOENT when no such driver is registered (no such sysfs file)
     */
    void newId(String driverName, int vendor, int device) throws KernelException;

    /**
     * Writing a name to {@code /sys/bus/pci/devices/<address>/driver_override} (Linux 3.16): only
     * that driver may bind the function from now on. An empty name clears it.
     *
     * @param address the function
     * @param driverName the driver, or empty
     * @throws KernelException ENOENT when there is no such function
     */
    void setDriverOverride(String address, String driverName) throws KernelException;

    /**
     * Writing an address to {@code /sys/bus/pci/drivers/<driver>/bind}.
     *
     * @param driverName the driver
     * @param address the function
     * @throws KernelException ENOENT when no such driver is registered; ENODEV when there is no
     *     such function, it is bound already, the driver does not match it or its probe refuses
     */
    void bind(String driverName, String address) throws KernelException;

    /**
     * Writing an address to {@code /sys/bus/pci/drivers/<driver>/unbind}.
     *
     * @param driverName the driver
     * @param address the function
     * @throws KernelException ENOENT when no such driver is registered; ENODEV when the function is
     *     not bound to it
     */
    void unbind(String driverName, String address) throws KernelException;
}
