package org.devmodel.cli.conform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Addresses the kernels chose: the model's {@code mmap} returns its own addresses, the guest's
 * real {@code mmap} others. The n-th successful {@code mmap} of one trace stands for the n-th of the
 * other, so the guest's address is read back as the model's wherever it appears later (e.g. a
 * {@code vaddr} field); a buffer the runner passes (its scratch memory) is the same buffer whatever
 * its address. Immutable.
 */
final class AddressTable {
    private static final Pattern MMAP = Pattern.compile("^mmap\\(.*\\) = (0x[0-9a-f]+)$");
    private static final Pattern BUFFER = Pattern.compile("([a-z0-9]+\\(\\d+, )(0x[0-9a-f]+)(, .*)");
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-f]+\\b");

    private final Map<String, String> toModel;

    private AddressTable(Map<String, String> toModel) {
        this.toModel = Map.copyOf(toModel);
    }

    /**
     * {@return the table pairing the two traces' mmap results in order}
     *
     * @param model the model's trace
     * @param guest the guest's trace
     */
    static AddressTable of(List<String> model, List<String> guest) {
        List<String> ours = mmapResults(model);
        List<String> theirs = mmapResults(guest);
        Map<String, String> toModel = new HashMap<>();
        for (int i = 0; i < Math.min(ours.size(), theirs.size()); i++) {
            if (!ours.get(i).equals(theirs.get(i))) {
                toModel.putIfAbsent(theirs.get(i), ours.get(i));
            }
        }
        return new AddressTable(toModel);
    }

    /**
     * {@return the line with the guest's addresses given the model's}
     *
     * @param line a guest trace line
     */
    String toModel(String line) {
        if (toModel.isEmpty()) {
            return line;
        }
        Matcher m = ADDRESS.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(toModel.getOrDefault(m.group(), m.group())));
        }
        return m.appendTail(out).toString();
    }

    /**
     * {@return whether two calls differ only in the buffer address they pass first after the fd,
     * as a {@code read} into the runner's scratch memory shows it when it fails}
     *
     * @param model the model's line
     * @param guest the guest's line
     */
    static boolean differOnlyInBuffer(String model, String guest) {
        Matcher ours = BUFFER.matcher(model);
        Matcher theirs = BUFFER.matcher(guest);
        return ours.matches() && theirs.matches() && ours.group(1).equals(theirs.group(1))
                && ours.group(3).equals(theirs.group(3));
    }

    private static List<String> mmapResults(List<String> trace) {
        List<String> results = new ArrayList<>();
        for (String line : trace) {
            Matcher m = MMAP.matcher(line);
            if (m.matches()) {
                results.add(m.group(1));
            }
        }
        return results;
    }
}
