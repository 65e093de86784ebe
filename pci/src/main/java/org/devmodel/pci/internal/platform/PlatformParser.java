package org.devmodel.pci.internal.platform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.devmodel.pci.PciAddress;

/**
 * Reads a platform description: the PCI functions present before any driver loads.
 *
 * <h2>Format</h2>
 * One function per line; {@code #} starts a comment that runs to the end of the line; blank lines
 * are ignored. A line is the function's address followed by {@code key=value} words separated by
 * blanks:
 * <pre>
 * # address    group    model                                        host driver
 * 0000:00:03.0 group=3  model=edu
 * 0000:02:00.1 group=7  model=host vendor=0x8086 device=0x293e class=0x040300 driver=snd_hda_intel
 * </pre>
 * <ul>
 *   <li>the address is {@code DDDD:BB:SS.F} in hex (slot up to 1f, function up to 7), unique in the file;</li>
 *   <li>{@code group=N} (required): the IOMMU group the function joins, a decimal number;</li>
 *   <li>{@code model=NAME} (required): the device model emulating it, e.g. {@code edu};</li>
 *   <li>{@code driver=NAME} (optional): the host driver bound to it at boot, a built-in stand-in;</li>
 *   <li>any other {@code key=value} is a parameter of the model (model {@code host} takes
 *       {@code vendor}, {@code device}, {@code class}, {@code revision}); the model checks them.</li>
 * </ul>
 * Functions are enumerated in file order. Every error names the file, the line and the reason,
 * e.g. {@code platform.txt:3: unknown model 'foo'}.
 */
public final class PlatformParser {
    private final Set<String> models;

    /**
     * @param models the names of the device models that exist
     */
    public PlatformParser(Set<String> models) {
        this.models = Set.copyOf(models);
    }

    /**
     * Parses a description.
     *
     * @param file the file name errors quote
     * @param text the description
     * @return the functions, in file order
     * @throws PlatformException at the first error
     */
    public List<FunctionSpec> parse(String file, String text) throws PlatformException {
        List<FunctionSpec> functions = new ArrayList<>();
        Map<PciAddress, Integer> firstLine = new HashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String content = lines[i].replaceFirst("#.*", "").strip();
            if (content.isEmpty()) {
                continue;
            }
            FunctionSpec spec = parseLine(file + ":" + (i + 1), content.split("\\s+"));
            Integer previous = firstLine.putIfAbsent(spec.address(), i + 1);
            if (previous != null) {
                throw new PlatformException(spec.where(), "duplicate address " + spec.address()
                        + " (first on line " + previous + ")");
            }
            functions.add(spec);
        }
        return functions;
    }

    private FunctionSpec parseLine(String where, String[] words) throws PlatformException {
        PciAddress address;
        try {
            address = PciAddress.parse(words[0]);
        } catch (IllegalArgumentException e) {
            throw new PlatformException(where, e.getMessage());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int w = 1; w < words.length; w++) {
            int eq = words[w].indexOf('=');
            if (eq <= 0 || eq == words[w].length() - 1) {
                throw new PlatformException(where, "bad word '" + words[w] + "' (expected key=value)");
            }
            if (values.put(words[w].substring(0, eq), words[w].substring(eq + 1)) != null) {
                throw new PlatformException(where, "duplicate key '" + words[w].substring(0, eq) + "'");
            }
        }
        int group = group(where, required(where, values, "group"));
        String model = required(where, values, "model");
        if (!models.contains(model)) {
            throw new PlatformException(where, "unknown model '" + model + "'");
        }
        Optional<String> driver = Optional.ofNullable(values.remove("driver"));
        return new FunctionSpec(address, group, model, Collections.unmodifiableMap(values), driver, where);
    }

    private static String required(String where, Map<String, String> values, String key) throws PlatformException {
        String value = values.remove(key);
        if (value == null) {
            throw new PlatformException(where, "missing " + key + "=");
        }
        return value;
    }

    private static int group(String where, String text) throws PlatformException {
        if (!text.matches("[0-9]{1,9}")) {
            throw new PlatformException(where, "bad group '" + text + "'");
        }
        return Integer.parseInt(text);
    }
}
