package org.devmodel.cli.conform;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.devmodel.cli.conform.Row.Verdict;

/**
 * Prints rows in two columns, the model's on the left and the guest's on the right, with the
 * verdict's mark between them; a line longer than its column continues on the next printed line.
 * Under the table: each era rule used, with its explanation, then one count line.
 */
final class SideBySide {
    private final int column;

    /**
     * Prepares the layout.
     *
     * @param width the whole width in characters (at least 40)
     */
    SideBySide(int width) {
        this.column = (Math.max(width, 40) - 3) / 2;
    }

    /**
     * Prints the table and its notes.
     *
     * @param rows the rows
     * @param eras the era rules, for the explanations of those used
     * @param out where to print
     */
    void print(List<Row> rows, Eras eras, PrintWriter out) {
        out.println(pad("model (v3.14)") + "   " + "guest");
        out.println("-".repeat(column) + "   " + "-".repeat(column));
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        Set<String> notes = new LinkedHashSet<>();
        for (Row row : rows) {
            counts.merge(row.verdict(), 1, Integer::sum);
            List<String> left = wrap(row.model().orElse(""));
            List<String> right = wrap(row.guest().orElse(""));
            for (int k = 0; k < Math.max(left.size(), right.size()); k++) {
                String mark = k == 0 ? " " + row.verdict().mark() + " " : "   ";
                String line = pad(k < left.size() ? left.get(k) : "") + mark + (k < right.size() ? right.get(k) : "");
                out.println(line.stripTrailing());
            }
            if (row.verdict() != Verdict.SAME) {
                out.println(pad("") + "   " + "  ^ " + row.note());
            }
            if (row.verdict() == Verdict.ERA) {
                notes.add(row.note());
            }
        }
        out.println();
        for (EraRule rule : eras.rules()) {
            if (notes.stream().anyMatch(note -> note.contains(rule.label()))) {
                out.println("era " + rule.label() + ": " + rule.explanation());
            }
        }
        out.println("conform: " + rows.size() + " rows: " + counts.getOrDefault(Verdict.SAME, 0) + " same, "
                + counts.getOrDefault(Verdict.TRANSLATED, 0) + " translated, " + counts.getOrDefault(Verdict.ERA, 0)
                + " era, " + counts.getOrDefault(Verdict.MISMATCH, 0) + " mismatch");
    }

    private String pad(String text) {
        return text + " ".repeat(Math.max(0, column - text.length()));
    }

    private List<String> wrap(String line) {
        List<String> pieces = new ArrayList<>();
        for (int at = 0; at < line.length(); at += column) {
            pieces.add(line.substring(at, Math.min(line.length(), at + column)));
        }
        if (pieces.isEmpty()) {
            pieces.add("");
        }
        return pieces;
    }
}
