package org.devmodel.pci.internal.platform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.devmodel.iommu.IommuModel;
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
 *   <li>{@code window=START+SIZE} (optional, sPAPR only): the 32-bit DMA window of the function's
 *       group, 4 KiB-aligned and below 4 GiB; a group's lines may not disagree, and a group none of
 *       whose lines names one gets {@link TceWindow#IODA2_DEFAULT};</li>
 *   <li>any other {@code key=value} is a parameter of the model (model {@code host} takes
 *       {@code vendor}, {@code device}, {@code class}, {@code revision}); the model checks them.</li>
 * </ul>
 * Before the first function, a line {@code iommu=spapr-tce} makes the machine a POWER one whose
 * groups each have a TCE table ({@code iommu=vt-d}, the default, keeps x86's domains).
 * Functions are enumerated in file order. Every error names the file, the line and the reason,
 * e.g. {@code platform.txt:3: unknown model 'foo'}.
 */
public final class PlatformParser {
    private static final String IOMMU_KEY = "iommu=";
    private static final String WINDOW_KEY = "window";
    /** The 32-bit window ends at or below 4 GiB: {@code vfio_iommu_spapr_tce_info} has u32 fields. */
    private static final long WINDOW_LIMIT = 1L << 32;

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
     * @return the machine's IOMMU model, the functions in file order and the groups' DMA windows
     * @throws PlatformException at the first error
     */
    public Platform parse(String file, String text) throws PlatformException {
        List<FunctionSpec> functions = new ArrayList<>();
        Map<PciAddress, Integer> firstLine = new HashMap<>();
        IommuModel iommu = IommuModel.DOMAINS;
        Windows windows = new Windows();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String content = lines[i].replaceFirst("#.*", "").strip();
            String where = file + ":" + (i + 1);
            if (content.isEmpty()) {
                continue;
            }
            if (content.startsWith(IOMMU_KEY)) {
                if (!functions.isEmpty()) {
                    throw new PlatformException(where, "iommu= must come before the first function");
                }
                iommu = iommuModel(where, content.substring(IOMMU_KEY.length()));
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            FunctionSpec spec = parseLine(where, content.split("\\s+"), values);
            windows.add(where, iommu, spec.group(), values.get(WINDOW_KEY));
            Integer previous = firstLine.putIfAbsent(spec.address(), i + 1);
            if (previous != null) {
                throw new PlatformException(spec.where(), "duplicate address " + spec.address()
                        + " (first on line " + previous + ")");
            }
            functions.add(spec);
        }
        return new Platform(iommu, List.copyOf(functions),
                iommu == IommuModel.SPAPR_TCE ? windows.byGroup(functions) : Map.of());
    }

    private static IommuModel iommuModel(String where, String value) throws PlatformException {
        return switch (value) {
            case "spapr-tce" -> IommuModel.SPAPR_TCE;
            case "vt-d" -> IommuModel.DOMAINS;
            default -> throw new PlatformException(where, "unknown iommu '" + value + "' (expected spapr-tce or vt-d)");
        };
    }

    /**
     * Parses a function line.
     *
     * @param reserved receives the words that belong to the platform, not the function ({@code window})
     */
    private FunctionSpec parseLine(String where, String[] words, Map<String, String> reserved) throws PlatformException {
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
        String window = values.remove(WINDOW_KEY);
        if (window != null) {
            reserved.put(WINDOW_KEY, window);
        }
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

    /** The windows the lines name, checked as they come, and the default for groups without one. */
    private static final class Windows {
        private final Map<Integer, TceWindow> given = new HashMap<>();
        private final Map<Integer, String> givenWhere = new HashMap<>();

        void add(String where, IommuModel iommu, int group, String text) throws PlatformException {
            if (text == null) {
                return;
            }
            if (iommu != IommuModel.SPAPR_TCE) {
                throw new PlatformException(where, "window= needs iommu=spapr-tce");
            }
            TceWindow window = parse(where, text);
            TceWindow earlier = given.putIfAbsent(group, window);
            if (earlier != null && !earlier.equals(window)) {
                throw new PlatformException(where, "group " + group + ": window " + window + " differs from "
                        + earlier + " (" + givenWhere.get(group) + ")");
            }
            givenWhere.putIfAbsent(group, where);
        }

        private static TceWindow parse(String where, String text) throws PlatformException {
            int plus = text.indexOf('+');
            try {
                long start = Long.decode(text.substring(0, Math.max(plus, 0)));
                long size = Long.decode(text.substring(plus + 1));
                boolean aligned = ((start | size) & 0xfff) == 0;
                if (plus > 0 && aligned && start >= 0 && size > 0 && size <= WINDOW_LIMIT - start) {
                    return new TceWindow(start, size);
                }
            } catch (NumberFormatException e) {
                // reported below with the expected form
            }
            throw new PlatformException(where, "bad window '" + text
                    + "' (expected START+SIZE, 4 KiB-aligned, above 0, ending at or below 4 GiB)");
        }

        Map<Integer, TceWindow> byGroup(List<FunctionSpec> functions) {
            Map<Integer, TceWindow> windows = new LinkedHashMap<>();
            functions.forEach(f -> windows.putIfAbsent(f.group(), given.getOrDefault(f.group(), TceWindow.IODA2_DEFAULT)));
            return Collections.unmodifiableMap(windows);
        }
    }
}
