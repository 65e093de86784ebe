package org.devmodel.cli.conform;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.devmodel.cli.conform.Row.Verdict;

/**
 * Compares a model trace with a guest trace line by line: the lines are aligned on a longest common
 * subsequence of the model's lines and the guest's translated ones; within each stretch that
 * differs, lines about the same call (or both FAIL lines, or both text) are paired in order and
 * each pair is explained by the era rules or called a mismatch. A guest FAIL line right after an
 * era row failed because of that difference and is era too, and so is the closing count when the
 * guest's extra failures are all era failures.
 */
final class Comparison {
    private static final Pattern COUNT = Pattern.compile("(\\d+) passed, (\\d+) failed(?:, (\\d+) not checked)?");
    /** What the host's runner prints for an expectation on an address its mmap chose. */
    private static final String NOT_CHECKED = "NOT CHECKED ";

    private final Eras eras;
    private final Translation translation;

    /**
     * Prepares a comparison.
     *
     * @param eras the era rules
     * @param translation how guest lines are read in the model's numbering
     */
    Comparison(Eras eras, Translation translation) {
        this.eras = eras;
        this.translation = translation;
    }

    /**
     * {@return the rows, in trace order}
     *
     * @param model the model's trace lines
     * @param guest the guest's trace lines
     */
    List<Row> compare(List<String> model, List<String> guest) {
        List<Translation.Translated> translated = guest.stream().map(translation::apply).toList();
        List<String> theirs = translated.stream().map(Translation.Translated::text).toList();
        List<int[]> matches = commonSubsequence(model, theirs, String::equals);
        List<Row> rows = new ArrayList<>();
        int i = 0;
        int j = 0;
        for (int[] match : matches) {
            differing(model.subList(i, match[0]), guest.subList(j, match[1]), theirs.subList(j, match[1]), rows);
            Translation.Translated line = translated.get(match[1]);
            rows.add(line.by().isEmpty() ? new Row(Optional.of(model.get(match[0])), Optional.of(guest.get(match[1])),
                    Verdict.SAME, "")
                    : new Row(Optional.of(model.get(match[0])), Optional.of(guest.get(match[1])), Verdict.TRANSLATED,
                            String.join(", ", line.by())));
            i = match[0] + 1;
            j = match[1] + 1;
        }
        differing(model.subList(i, model.size()), guest.subList(j, guest.size()), theirs.subList(j, theirs.size()), rows);
        return rows;
    }

    /** Pairs a stretch of differing lines by key and judges each row. */
    private void differing(List<String> model, List<String> guest, List<String> theirs, List<Row> rows) {
        List<TraceLine> ours = model.stream().map(TraceLine::parse).toList();
        List<TraceLine> parsed = theirs.stream().map(TraceLine::parse).toList();
        List<int[]> pairs = commonSubsequence(ours, parsed, (a, b) -> a.key().equals(b.key()));
        int i = 0;
        int j = 0;
        for (int[] pair : pairs) {
            unpaired(model.subList(i, pair[0]), guest.subList(j, pair[1]), rows);
            rows.add(judge(ours.get(pair[0]), parsed.get(pair[1]), guest.get(pair[1]), rows));
            i = pair[0] + 1;
            j = pair[1] + 1;
        }
        unpaired(model.subList(i, model.size()), guest.subList(j, guest.size()), rows);
    }

    private Row judge(TraceLine model, TraceLine guest, String printed, List<Row> before) {
        Optional<String> ours = Optional.of(model.text());
        Optional<String> theirs = Optional.of(printed);
        if (AddressTable.differOnlyInBuffer(model.text(), guest.text())) {
            return new Row(ours, theirs, Verdict.TRANSLATED, "buffer address");
        }
        Optional<List<EraRule>> era = eras.explain(model, guest);
        if (era.isPresent()) {
            return new Row(ours, theirs, Verdict.ERA, "era: " + era.get().stream().map(EraRule::label)
                    .collect(Collectors.joining(", ")));
        }
        if (eraFailuresOnly(model.text(), guest.text(), before)) {
            return new Row(ours, theirs, Verdict.ERA, "era: the counts differ only by the era failures and unchecked addresses above");
        }
        return new Row(ours, theirs, Verdict.MISMATCH, "mismatch");
    }

    private void unpaired(List<String> model, List<String> guest, List<Row> rows) {
        for (String line : model) {
            rows.add(new Row(Optional.of(line), Optional.empty(), Verdict.MISMATCH, "missing in the guest"));
        }
        for (String line : guest) {
            Row last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
            boolean afterEra = last != null && last.verdict() == Verdict.ERA && last.model().isPresent();
            boolean afterAddress = last != null && last.verdict() == Verdict.TRANSLATED && last.note().contains("address");
            if (line.startsWith("FAIL ") && afterEra) {
                rows.add(new Row(Optional.empty(), Optional.of(line), Verdict.ERA,
                        "era: the expectation failed on the era difference above"));
            } else if (line.startsWith(NOT_CHECKED) && afterAddress) {
                rows.add(new Row(Optional.empty(), Optional.of(line), Verdict.TRANSLATED,
                        "address: the kernel chose it, so the guest did not check it"));
            } else {
                rows.add(new Row(Optional.empty(), Optional.of(line), Verdict.MISMATCH, "only in the guest"));
            }
        }
    }

    /** Whether two closing counts differ only by the guest's era failures and unchecked addresses. */
    private static boolean eraFailuresOnly(String model, String guest, List<Row> before) {
        Matcher ours = COUNT.matcher(model);
        Matcher theirs = COUNT.matcher(guest);
        if (!ours.matches() || !theirs.matches() || ours.group(3) != null) {
            return false;
        }
        long eraFailures = guestOnly(before, Verdict.ERA, "FAIL ");
        long unchecked = guestOnly(before, Verdict.TRANSLATED, NOT_CHECKED);
        int passed = Integer.parseInt(ours.group(1));
        int failed = Integer.parseInt(ours.group(2));
        int theirsUnchecked = theirs.group(3) == null ? 0 : Integer.parseInt(theirs.group(3));
        return Integer.parseInt(theirs.group(2)) == failed + eraFailures && theirsUnchecked == unchecked
                && Integer.parseInt(theirs.group(1)) == passed - eraFailures - unchecked;
    }

    private static long guestOnly(List<Row> rows, Verdict verdict, String prefix) {
        return rows.stream().filter(r -> r.verdict() == verdict && r.model().isEmpty()
                && r.guest().orElse("").startsWith(prefix)).count();
    }

    /** The index pairs of a longest common subsequence, in order. */
    private static <T> List<int[]> commonSubsequence(List<T> a, List<T> b, BiPredicate<T, T> same) {
        int[][] length = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                length[i][j] = same.test(a.get(i), b.get(j)) ? length[i + 1][j + 1] + 1
                        : Math.max(length[i + 1][j], length[i][j + 1]);
            }
        }
        List<int[]> pairs = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            if (same.test(a.get(i), b.get(j))) {
                pairs.add(new int[] {i++, j++});
            } else if (length[i + 1][j] >= length[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        return pairs;
    }
}
