package org.devmodel.cli.run;

import java.util.Arrays;
import java.util.Optional;
import org.devmodel.cli.script.Expectation;
import org.devmodel.cli.script.Numbers;

/** Checks a command's outcome against its {@code => X} and words a failure in expectation syntax. */
final class Expectations {
    private Expectations() {
    }

    /**
     * {@return empty when the outcome meets the expectation, else {@code expected X, got Y}}
     *
     * @param expectation the expectation
     * @param outcome what the command did
     */
    static Optional<String> check(Expectation expectation, Outcome outcome) {
        return holds(expectation, outcome) ? Optional.empty()
                : Optional.of("expected " + expectation.describe() + ", got " + got(expectation, outcome));
    }

    private static boolean holds(Expectation expectation, Outcome outcome) {
        if (expectation instanceof Expectation.Failure failure) {
            return outcome.errno().equals(Optional.of(failure.errno()));
        }
        if (expectation instanceof Expectation.Contains contains) {
            return outcome.printed().contains(contains.text());
        }
        if (expectation instanceof Expectation.Lacks lacks) {
            return !outcome.printed().contains(lacks.text());
        }
        if (outcome.errno().isPresent()) {
            return false;
        }
        if (expectation instanceof Expectation.Result result) {
            return outcome.value() == result.value();
        }
        if (expectation instanceof Expectation.Bytes bytes) {
            return outcome.bytes().map(b -> Arrays.equals(b.array(), bytes.bytes())).orElse(false);
        }
        return true;
    }

    private static String got(Expectation expectation, Outcome outcome) {
        if (expectation instanceof Expectation.Contains) {
            return "output without it";
        }
        if (expectation instanceof Expectation.Lacks) {
            return "output with it";
        }
        if (outcome.errno().isPresent()) {
            return outcome.errno().get().name();
        }
        if (expectation instanceof Expectation.Bytes && outcome.bytes().isPresent()) {
            return Numbers.hexBytes(outcome.bytes().get().array());
        }
        boolean hex = expectation instanceof Expectation.Result result && result.hex();
        return Numbers.format(outcome.value(), hex);
    }
}
