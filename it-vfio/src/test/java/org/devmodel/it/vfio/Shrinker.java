package org.devmodel.it.vfio;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Shrinks a failing fuzz program: first drops runs of calls (halving the run length, as delta
 * debugging does), then moves each number towards 0 (0 itself, then halves), keeping every change
 * after which the program still fails the same way. Each attempt replays the program in a fresh
 * kernel, so the budget bounds the time spent.
 */
final class Shrinker {
    private final Predicate<List<FuzzCall>> stillFails;
    private int budget;

    /**
     * @param stillFails whether a candidate fails the way the original did
     * @param budget how many candidates to try at most
     */
    Shrinker(Predicate<List<FuzzCall>> stillFails, int budget) {
        this.stillFails = stillFails;
        this.budget = budget;
    }

    /**
     * {@return the smallest failing program found from a failing one}
     *
     * @param failing a program that fails
     */
    List<FuzzCall> shrink(List<FuzzCall> failing) {
        List<FuzzCall> program = dropCalls(failing);
        for (int i = 0; i < program.size(); i++) {
            for (int arg = 0; arg < 3; arg++) {
                program = simplify(program, i, arg);
            }
        }
        return program;
    }

    private boolean tryCandidate(List<FuzzCall> candidate) {
        if (budget <= 0) {
            return false;
        }
        budget--;
        return stillFails.test(candidate);
    }

    private List<FuzzCall> dropCalls(List<FuzzCall> failing) {
        List<FuzzCall> program = new ArrayList<>(failing);
        for (int run = Math.max(1, program.size() / 2); run >= 1; run /= 2) {
            int from = 0;
            while (from < program.size()) {
                List<FuzzCall> candidate = new ArrayList<>(program.subList(0, from));
                candidate.addAll(program.subList(Math.min(program.size(), from + run), program.size()));
                if (!candidate.isEmpty() && tryCandidate(candidate)) {
                    program = candidate;
                } else {
                    from += run;
                }
            }
        }
        return program;
    }

    private List<FuzzCall> simplify(List<FuzzCall> program, int index, int arg) {
        long value = value(program.get(index), arg);
        List<Long> tries = new ArrayList<>(List.of(0L));
        for (long v = value / 2; v != 0 && tries.size() < 8; v /= 2) {
            tries.add(v);
        }
        for (long candidateValue : tries) {
            if (candidateValue == value) {
                return program;
            }
            List<FuzzCall> candidate = new ArrayList<>(program);
            candidate.set(index, with(program.get(index), arg, candidateValue));
            if (tryCandidate(candidate)) {
                return candidate;
            }
        }
        return program;
    }

    private static long value(FuzzCall call, int arg) {
        return arg == 0 ? call.a() : arg == 1 ? call.b() : call.c();
    }

    private static FuzzCall with(FuzzCall call, int arg, long value) {
        return new FuzzCall(call.op(), arg == 0 ? value : call.a(), arg == 1 ? value : call.b(),
                arg == 2 ? value : call.c());
    }
}
