package org.devmodel.cli.admin;

/**
 * What the {@code bind}, {@code unbind} and {@code new_id} commands need: the sysfs writes a user
 * makes, each printing nothing on success.
 */
public interface PciAdmin {

    /**
     * Writes {@code DRIVER} to the function's {@code driver_override}, unbinds it from its current
     * driver, then writes the BDF to {@code /sys/bus/pci/drivers/DRIVER/bind}.
     *
     * @param bdf the function, e.g. {@code 0000:00:03.0}
     * @param driver the driver's name
     * @throws AdminException with the errno of the failing write
     */
    void bind(String bdf, String driver) throws AdminException;

    /**
     * Writes the BDF to its driver's {@code unbind}.
     *
     * @param bdf the function
     * @throws AdminException with the errno of the failing write
     */
    void unbind(String bdf) throws AdminException;

    /**
     * Writes {@code VENDOR DEVICE} to {@code /sys/bus/pci/drivers/DRIVER/new_id}.
     *
     * @param vendor the vendor id in hex, e.g. {@code 1234}
     * @param device the device id in hex
     * @param driver the driver's name
     * @throws AdminException with the errno of the failing write
     */
    void newId(String vendor, String device, String driver) throws AdminException;
}
