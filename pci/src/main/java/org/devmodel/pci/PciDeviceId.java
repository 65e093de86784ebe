package org.devmodel.pci;

/**
 * {@code struct pci_device_id} reduced to what v3.14's {@code new_id} takes by default: a vendor
 * and a device id, either of which may be {@link #ANY}.
 *
 * @param vendor the vendor id, or {@link #ANY}
 * @param device the device id, or {@link #ANY}
 */
public record PciDeviceId(int vendor, int device) {
    /** {@code PCI_ANY_ID}: matches every id. */
    public static final int ANY = ~0;

    /** Checks the ranges. */
    public PciDeviceId {
        if (vendor != ANY && (vendor & ~0xffff) != 0 || device != ANY && (device & ~0xffff) != 0) {
            throw new IllegalArgumentException("bad PCI id " + Integer.toHexString(vendor) + ":" + Integer.toHexString(device));
        }
    }

    /**
     * {@return {@code pci_match_one_device}: whether a function's ids match}
     *
     * @param function the function
     */
    public boolean matches(PciFunction function) {
        ConfigSpace config = function.config();
        return (vendor == ANY || vendor == config.vendorId()) && (device == ANY || device == config.deviceId());
    }
}
