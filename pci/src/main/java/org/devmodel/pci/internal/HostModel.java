package org.devmodel.pci.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.devmodel.pci.emul.ConfigHeader;
import org.devmodel.pci.emul.EmulatedBar;
import org.devmodel.pci.emul.EmulatedFunction;
import org.devmodel.pci.emul.EmulationContext;
import org.devmodel.pci.emul.PciDeviceModel;

/**
 * Model {@code host}: a host device that only a host driver uses, described by its ids alone. It
 * has a config header (INTA, no MSI), no BARs and no reset method. Parameters: {@code vendor} and
 * {@code device} (required), {@code class} and {@code revision} (default 0), as C integers
 * ({@code 0x8086}).
 */
public final class HostModel implements PciDeviceModel {

    @Override
    public String name() {
        return "host";
    }

    @Override
    public EmulatedFunction create(Map<String, String> parameters, EmulationContext context) {
        Map<String, String> left = new HashMap<>(parameters);
        int vendor = number(left, "vendor", null);
        int device = number(left, "device", null);
        int classCode = number(left, "class", "0");
        int revision = number(left, "revision", "0");
        if (!left.isEmpty()) {
            throw new IllegalArgumentException("model host: unknown parameter '" + left.keySet().iterator().next() + "'");
        }
        ConfigHeader header = new ConfigHeader(vendor, device, revision, classCode, 0, 0, 1, 0);
        return new EmulatedFunction() {
            @Override
            public ConfigHeader header() {
                return header;
            }

            @Override
            public List<EmulatedBar> bars() {
                return List.of();
            }

            @Override
            public boolean hasResetMethod() {
                return false;
            }

            @Override
            public void reset() {
                throw new IllegalStateException("host device has no reset method");
            }
        };
    }

    private static int number(Map<String, String> left, String key, String fallback) {
        String text = left.remove(key);
        if (text == null && fallback == null) {
            throw new IllegalArgumentException("model host: missing parameter '" + key + "'");
        }
        try {
            return Integer.decode(text == null ? fallback : text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("model host: bad " + key + " '" + text + "'", e);
        }
    }
}
