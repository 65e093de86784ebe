package org.devmodel.bench;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The table of the seven figures with their targets, computed from a run's {@link Results}: one
 * markdown row a measure, with the figure, what was measured, the target and whether it is met.
 * A measure whose benchmarks are not in the run says so.
 */
final class Summary {
    private final Results results;
    private final StringBuilder table = new StringBuilder(
            "| fig. | measure | measured | target | met |\n|---|---|---:|---|---|\n");

    private Summary(Results results) {
        this.results = results;
    }

    /**
     * {@return the markdown table}
     *
     * @param results a run's results
     */
    static String table(Results results) {
        Summary s = new Summary(results);
        s.dispatch();
        s.autoload();
        s.bootScale();
        s.kernels();
        s.groupScale();
        s.dmaScale();
        s.concurrency();
        return s.table.toString();
    }

    private void dispatch() {
        OptionalDouble model = score("DispatchBenchmark.ioctl");
        OptionalDouble real = score("RealBenchmark.ioctl");
        OptionalDouble floor = score("FloorBenchmark.interfaceCall");
        row(1, "model `ioctl` (ns)", model, "%.1f", "", null);
        row(1, "real `ioctl` on `/dev/null` through jnr-ffi (ns)", real, "%.1f", "", null);
        row(1, "jnr-ffi trivial call, `abs` (ns)", score("RealBenchmark.trivialCall"), "%.1f", "", null);
        row(1, "floor: interface call (ns)", floor, "%.1f", "", null);
        ratio(1, "real `ioctl` / model `ioctl`", real, model, ">= 5x", true, 5);
        ratio(1, "model `ioctl` / floor", model, floor, "<= 5x", false, 5);
        OptionalDouble modelCycle = score("DispatchBenchmark.openIoctlClose");
        OptionalDouble realCycle = score("RealBenchmark.openIoctlClose");
        row(1, "model `open`+`ioctl`+`close` (ns)", modelCycle, "%.0f", "", null);
        row(1, "real `open`+`ioctl`+`close` (ns)", realCycle, "%.0f", "", null);
        ratio(1, "real cycle / model cycle", realCycle, modelCycle, ">= 5x", true, 5);
    }

    private void autoload() {
        row(2, "first `open`, vfio from the boot layer (ms)", score("AutoloadBenchmark.firstOpen", "source", "boot"),
                "%.2f", "< 2 ms", v -> v < 2);
        row(2, "first `open`, vfio from jars in a modules directory (ms)",
                score("AutoloadBenchmark.firstOpen", "source", "jar"), "%.2f", "< 30 ms", v -> v < 30);
        row(2, "warm `open`+`close` (ns)", score("DispatchBenchmark.openClose"), "%.0f", "open < 300 ns",
                v -> v < 300);
    }

    private void bootScale() {
        for (String n : sorted("BootScaleBenchmark.lazy", "modules")) {
            OptionalDouble lazy = score("BootScaleBenchmark.lazy", "modules", n);
            OptionalDouble eager = score("BootScaleBenchmark.eager", "modules", n);
            row(3, "lazy boot, N=" + n + " (ms)", lazy, "%.1f", "", null);
            row(3, "eager boot, N=" + n + " (ms)", eager, "%.1f", "", null);
            ratio(3, "eager / lazy, N=" + n, eager, lazy, n.equals("1000") ? ">= 20x" : "", true, 20);
            row(3, "lazy retained heap, N=" + n + " (KiB)", heap("BootScaleBenchmark.lazy", "modules", n), "%.0f", "",
                    null);
            row(3, "eager retained heap, N=" + n + " (KiB)", heap("BootScaleBenchmark.eager", "modules", n), "%.0f",
                    "", null);
        }
        List<String> ns = sorted("BootScaleBenchmark.lazy", "modules");
        if (ns.size() >= 2) {
            String small = ns.get(ns.size() - 2);
            String large = ns.get(ns.size() - 1);
            double factor = Double.parseDouble(large) / Double.parseDouble(small);
            OptionalDouble growth = divide(score("BootScaleBenchmark.lazy", "modules", large),
                    score("BootScaleBenchmark.lazy", "modules", small));
            row(3, "lazy growth N=" + small + " to " + large + " (x" + (long) factor + " modules)", growth, "%.1fx",
                    "at most linear (<= " + String.format(Locale.ROOT, "%.1f", factor * 1.25) + "x)",
                    v -> v <= factor * 1.25);
        }
    }

    private void kernels() {
        row(4, "boot+close of the default platform (ms)", score("KernelsBenchmark.bootAndClose"), "%.2f", "< 1 ms",
                v -> v < 1);
        OptionalDouble alive = heap("KernelsBenchmark.aliveAtOnce", null, null);
        row(4, "retained heap per idle kernel (KiB)", alive, "%.0f", "< 2 MiB", v -> v < 2048);
        results.find("KernelsBenchmark.aliveAtOnce").ifPresent(r -> row(4, r.params().get("kernels")
                + " kernels alive in one JVM (ms to boot them all)", OptionalDouble.of(r.score()), "%.0f",
                "1,000 alive", v -> Integer.parseInt(r.params().get("kernels")) >= 1000));
    }

    private void groupScale() {
        List<String> lives = sorted("GroupScaleBenchmark.createDestroy", "live");
        for (String n : lives) {
            OptionalDouble ns = score("GroupScaleBenchmark.createDestroy", "live", n);
            boolean last = n.equals(lives.get(lives.size() - 1));
            row(5, "create+destroy per second, " + n + " live", perSecond(ns), "%,.0f",
                    last ? ">= 200,000/s" : "", last ? v -> v >= 200_000 : null);
            row(5, "bytes per idle group, " + n + " live",
                    secondary("GroupScaleBenchmark.createDestroy", "live", n, "bytesPerIdleGroup"), "%.0f",
                    last ? "< 1 KiB" : "", last ? v -> v < 1024 : null);
        }
        if (lives.size() >= 2) {
            String small = lives.get(0);
            String large = lives.get(lives.size() - 1);
            double logRatio = Math.log(Double.parseDouble(large)) / Math.log(Double.parseDouble(small));
            row(5, "cost at " + large + " / cost at " + small + " live",
                    divide(score("GroupScaleBenchmark.createDestroy", "live", large),
                            score("GroupScaleBenchmark.createDestroy", "live", small)), "%.2fx",
                    String.format(Locale.ROOT, "flat, O(log n): <= %.2fx", logRatio), v -> v <= logRatio);
        }
    }

    private void dmaScale() {
        List<String> ms = sorted("Type1Benchmark.mapUnmap4k", "mappings");
        for (String n : ms) {
            boolean last = n.equals(ms.get(ms.size() - 1));
            row(6, "map+unmap pairs per second, " + n + " live",
                    perSecond(score("Type1Benchmark.mapUnmap4k", "mappings", n)), "%,.0f", last ? ">= 2,000,000/s" : "", last ? v -> v >= 2_000_000 : null);
        }
        for (String n : ms) {
            boolean last = n.equals(ms.get(ms.size() - 1));
            row(6, "translation (8-byte DMA), " + n + " live (ns)", score("Type1Benchmark.translate", "mappings", n),
                    "%.1f", last ? "< 50 ns" : "", last ? v -> v < 50 : null);
        }
        OptionalDouble copy = score("FloorBenchmark.copy4k");
        row(6, "floor: 4 KiB `System.arraycopy` (ns)", copy, "%.0f", "", null);
        for (String n : ms) {
            OptionalDouble dma = score("Type1Benchmark.dmaWrite4k", "mappings", n);
            row(6, "4 KiB DMA, " + n + " live (ns)", dma, "%.0f", "", null);
            ratio(6, "4 KiB DMA / copy, " + n + " live", dma, copy, "<= 2x", false, 2);
        }
    }

    private void concurrency() {
        ratio(7, "`ioctl`: 2 threads / 1 thread", score("ConcurrencyBenchmark.ioctl2"),
                score("ConcurrencyBenchmark.ioctl1"), ">= 1.7x", true, 1.7);
        ratio(7, "map+unmap: 2 threads / 1 thread", score("ConcurrencyBenchmark.mapUnmap2"),
                score("ConcurrencyBenchmark.mapUnmap1"), ">= 1.7x", true, 1.7);
    }

    /** A target check on a measured value. */
    private interface Check {
        boolean met(double value);
    }

    private void row(int figure, String measure, OptionalDouble value, String format, String target, Check check) {
        String measured = value.isPresent() ? String.format(Locale.ROOT, format, value.getAsDouble()) : "not measured";
        String met = check == null || value.isEmpty() ? "" : check.met(value.getAsDouble()) ? "met" : "**missed**";
        table.append("| ").append(figure).append(" | ").append(measure).append(" | ").append(measured).append(" | ")
                .append(target).append(" | ").append(met).append(" |\n");
    }

    private void ratio(int figure, String measure, OptionalDouble a, OptionalDouble b, String target,
                       boolean atLeast, double bound) {
        row(figure, measure, divide(a, b), "%.2fx", target,
                target.isEmpty() ? null : atLeast ? v -> v >= bound : v -> v <= bound);
    }

    private static OptionalDouble divide(OptionalDouble a, OptionalDouble b) {
        return a.isPresent() && b.isPresent() ? OptionalDouble.of(a.getAsDouble() / b.getAsDouble())
                : OptionalDouble.empty();
    }

    private static OptionalDouble perSecond(OptionalDouble nanos) {
        return nanos.isPresent() ? OptionalDouble.of(1e9 / nanos.getAsDouble()) : OptionalDouble.empty();
    }

    private OptionalDouble score(String benchmark) {
        return score(benchmark, null, null);
    }

    private OptionalDouble score(String benchmark, String param, String value) {
        return optional(results.find(benchmark, param, value).map(Results.Result::score));
    }

    private OptionalDouble heap(String benchmark, String param, String value) {
        OptionalDouble bytes = secondary(benchmark, param, value, "retainedBytes");
        return bytes.isPresent() ? OptionalDouble.of(bytes.getAsDouble() / 1024) : bytes;
    }

    private OptionalDouble secondary(String benchmark, String param, String value, String name) {
        return optional(results.find(benchmark, param, value).map(r -> r.secondary().get(name)));
    }

    private static OptionalDouble optional(Optional<Double> value) {
        return value.filter(v -> !v.isNaN()).map(OptionalDouble::of).orElse(OptionalDouble.empty());
    }

    private List<String> sorted(String benchmark, String param) {
        return results.values(benchmark, param).stream().sorted(Comparator.comparingLong(Long::parseLong)).toList();
    }
}
