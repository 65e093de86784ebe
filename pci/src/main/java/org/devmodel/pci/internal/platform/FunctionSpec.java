package org.devmodel.pci.internal.platform;

import java.util.Map;
import java.util.Optional;
import org.devmodel.pci.PciAddress;

/**
 * One line of a platform: a function present at boot.
 *
 * @param address its address
 * @param group its IOMMU group id
 * @param model the device model emulating it
 * @param parameters the model's parameters, in file order
 * @param driver the host driver bound at boot, if any
 * @param where {@code file:line}, for errors found later
 */
public record FunctionSpec(PciAddress address, int group, String model, Map<String, String> parameters,
        Optional<String> driver, String where) {
}
