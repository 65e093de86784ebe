package org.devmodel.cli.conform;

import org.devmodel.pci.PciAddress;

/**
 * One function of the model's platform, as the guest must mirror it.
 *
 * @param address its PCI address
 * @param group the IOMMU group the model gives it
 * @param model the device model emulating it, e.g. {@code edu} or {@code host}
 */
record PlatformFunction(PciAddress address, int group, String model) {
}
