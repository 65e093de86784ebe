package org.devmodel.pci.internal;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.devmodel.core.log.KernelLog;
import org.devmodel.pci.emul.PciDeviceModel;

/**
 * The device models a kernel can use, by name: every {@link PciDeviceModel} provider in the boot
 * layer, each logged with the module it comes from. The first provider of a name wins.
 */
final class DeviceModels {
    private final Map<String, PciDeviceModel> byName = new TreeMap<>();

    DeviceModels(KernelLog log) {
        for (ServiceLoader.Provider<PciDeviceModel> provider
                : ServiceLoader.load(ModuleLayer.boot(), PciDeviceModel.class).stream().toList()) {
            PciDeviceModel model = provider.get();
            String origin = provider.type().getModule().getName();
            if (byName.putIfAbsent(model.name(), model) == null) {
                log.debug("pci: device model " + model.name() + " from " + origin);
            } else {
                log.warn("pci: device model " + model.name() + " from " + origin + " ignored: name in use");
            }
        }
    }

    /** {@return every model, by name} */
    Map<String, PciDeviceModel> byName() {
        return byName;
    }
}
