package org.devmodel.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The results of a JMH run as read back from its JSON file, found by benchmark ({@code Class.method})
 * and parameter values.
 */
final class Results {
    /**
     * One benchmark result.
     *
     * @param benchmark {@code Class.method}, without the package
     * @param params its parameter values
     * @param score the primary score
     * @param error JMH's 99.9% half-interval, NaN with too few iterations
     * @param unit the score's unit
     * @param secondary the secondary scores ({@code retainedBytes}, ...)
     */
    record Result(String benchmark, Map<String, String> params, double score, double error, String unit,
                  Map<String, Double> secondary) {
    }

    private final List<Result> results;

    private Results(List<Result> results) {
        this.results = results;
    }

    /**
     * {@return the results in a JMH JSON result file}
     *
     * @param json the file
     */
    @SuppressWarnings("unchecked")
    static Results read(Path json) throws IOException {
        List<Object> runs = (List<Object>) Json.parse(Files.readString(json));
        return new Results(runs.stream().map(o -> {
            Map<String, Object> run = (Map<String, Object>) o;
            String benchmark = (String) run.get("benchmark");
            benchmark = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
            Map<String, String> params = new LinkedHashMap<>();
            ((Map<String, Object>) run.getOrDefault("params", Map.of())).forEach((k, v) -> params.put(k, (String) v));
            Map<String, Object> primary = (Map<String, Object>) run.get("primaryMetric");
            Map<String, Double> secondary = new LinkedHashMap<>();
            ((Map<String, Object>) run.getOrDefault("secondaryMetrics", Map.of())).forEach((k, v) ->
                    secondary.put(k, number(((Map<String, Object>) v).get("score"))));
            return new Result(benchmark, params, number(primary.get("score")), number(primary.get("scoreError")),
                    (String) primary.get("scoreUnit"), secondary);
        }).toList());
    }

    private static double number(Object value) {
        return value instanceof Double d ? d : Double.NaN;
    }

    /**
     * {@return the result of a benchmark with a parameter value, if the run has it}
     *
     * @param benchmark {@code Class.method}
     * @param param a parameter name, or null for a benchmark without parameters
     * @param value its value
     */
    Optional<Result> find(String benchmark, String param, String value) {
        return results.stream().filter(r -> r.benchmark().equals(benchmark))
                .filter(r -> param == null || value.equals(r.params().get(param))).findFirst();
    }

    /**
     * {@return the result of a benchmark without parameters, if the run has it}
     *
     * @param benchmark {@code Class.method}
     */
    Optional<Result> find(String benchmark) {
        return find(benchmark, null, null);
    }

    /**
     * {@return the values a benchmark was run with for a parameter, in run order}
     *
     * @param benchmark {@code Class.method}
     * @param param the parameter
     */
    List<String> values(String benchmark, String param) {
        return results.stream().filter(r -> r.benchmark().equals(benchmark)).map(r -> r.params().get(param))
                .filter(v -> v != null).distinct().toList();
    }
}
