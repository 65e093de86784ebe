package org.devmodel.pci.internal.edu;

import java.util.Map;
import org.devmodel.pci.emul.EmulatedFunction;
import org.devmodel.pci.emul.EmulationContext;
import org.devmodel.pci.emul.PciDeviceModel;

/** Model {@code edu}: QEMU's educational device. It takes no parameters. */
public final class EduModel implements PciDeviceModel {

    @Override
    public String name() {
        return "edu";
    }

    @Override
    public EmulatedFunction create(Map<String, String> parameters, EmulationContext context) {
        if (!parameters.isEmpty()) {
            throw new IllegalArgumentException("model edu: unknown parameter '" + parameters.keySet().iterator().next() + "'");
        }
        return new EduDevice(context);
    }
}
