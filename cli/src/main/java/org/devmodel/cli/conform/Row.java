package org.devmodel.cli.conform;

import java.util.Optional;

/**
 * One row of the side-by-side comparison.
 *
 * @param model the model's line, if it has one here
 * @param guest the guest's line as printed, if it has one here
 * @param verdict how the two compare
 * @param note why, for anything but {@link Verdict#SAME}
 */
record Row(Optional<String> model, Optional<String> guest, Verdict verdict, String note) {
    /** How a row's lines compare; the mark is printed between the columns. */
    enum Verdict {
        /** The lines are equal. */
        SAME(' '),
        /** The lines are equal once the guest's groups, majors or addresses are read as the model's. */
        TRANSLATED('~'),
        /** The lines differ as the guest's kernel is known to differ from v3.14: not a failure. */
        ERA('E'),
        /** Anything else: a failure. */
        MISMATCH('!');

        private final char mark;

        Verdict(char mark) {
            this.mark = mark;
        }

        /** {@return the mark printed between the columns} */
        char mark() {
            return mark;
        }
    }
}
