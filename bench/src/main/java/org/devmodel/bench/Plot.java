package org.devmodel.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The SVG of cost against N for figures 3, 5 and 6, drawn from a run's {@link Results}: one panel
 * a figure, the parameter values evenly spaced on the x axis (they are decades), the score on a
 * logarithmic y axis, one line a benchmark.
 */
final class Plot {
    private static final int WIDTH = 420;
    private static final int HEIGHT = 320;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 90;
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c"};

    /** One line: a benchmark's score for each value of a parameter. */
    record Series(String label, String benchmark, String param) {
    }

    /** One panel. */
    record Panel(String title, String xLabel, String unit, List<Series> series) {
    }

    /** The panels of figures 3, 5 and 6. */
    static final List<Panel> PANELS = List.of(
            new Panel("Fig. 3: boot with N driver jars", "N modules", "ms", List.of(
                    new Series("lazy (index only)", "BootScaleBenchmark.lazy", "modules"),
                    new Series("eager (every init run)", "BootScaleBenchmark.eager", "modules"))),
            new Panel("Fig. 5: VFIO group create+destroy", "N live groups", "ns", List.of(
                    new Series("bind+unbind vfio-pci", "GroupScaleBenchmark.createDestroy", "live"))),
            new Panel("Fig. 6: DMA with N live mappings", "N mappings", "ns", List.of(
                    new Series("MAP_DMA+UNMAP_DMA 4 KiB", "Type1Benchmark.mapUnmap4k", "mappings"),
                    new Series("4 KiB device DMA", "Type1Benchmark.dmaWrite4k", "mappings"),
                    new Series("translation (8 B DMA)", "Type1Benchmark.translate", "mappings"))));

    private Plot() {
    }

    /**
     * {@return the SVG document}
     *
     * @param results a run's results
     */
    static String svg(Results results) {
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " font-family=\"sans-serif\" font-size=\"11\">%n", WIDTH * PANELS.size(), HEIGHT));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        for (int i = 0; i < PANELS.size(); i++) {
            panel(svg, results, PANELS.get(i), i * WIDTH);
        }
        return svg.append("</svg>\n").toString();
    }

    private static void panel(StringBuilder svg, Results results, Panel panel, int x0) {
        List<String> xs = new ArrayList<>();
        for (Series s : panel.series()) {
            results.values(s.benchmark(), s.param()).forEach(v -> {
                if (!xs.contains(v)) {
                    xs.add(v);
                }
            });
        }
        xs.sort(Comparator.comparingLong(Long::parseLong));
        double min = Double.MAX_VALUE;
        double max = 0;
        for (Series s : panel.series()) {
            for (String x : xs) {
                Optional<Results.Result> r = results.find(s.benchmark(), s.param(), x);
                if (r.isPresent() && r.get().score() > 0) {
                    min = Math.min(min, r.get().score());
                    max = Math.max(max, r.get().score());
                }
            }
        }
        text(svg, x0 + WIDTH / 2, 20, "middle", "font-weight=\"bold\"", panel.title());
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                + "stroke=\"#888\"/>%n", x0 + LEFT, TOP, plotW, plotH));
        if (xs.isEmpty() || max == 0) {
            text(svg, x0 + LEFT + plotW / 2, TOP + plotH / 2, "middle", "", "not in this run");
            return;
        }
        double lo = Math.floor(Math.log10(min));
        double hi = Math.max(lo + 1, Math.ceil(Math.log10(max)));
        for (double d = lo; d <= hi; d++) {
            double y = TOP + plotH - (d - lo) / (hi - lo) * plotH;
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n", x0 + LEFT, y,
                    x0 + LEFT + plotW, y));
            text(svg, x0 + LEFT - 6, y + 4, "end", "", String.format(Locale.ROOT, "%,.0f", Math.pow(10, d))
                    .replace("1,000,000,000", "1e9"));
        }
        text(svg, x0 + 14, TOP + plotH / 2.0, "middle",
                String.format(Locale.ROOT, "transform=\"rotate(-90 %d %d)\"", x0 + 14, TOP + plotH / 2), panel.unit());
        for (int i = 0; i < xs.size(); i++) {
            text(svg, xAt(x0, i, xs.size()), TOP + plotH + 16, "middle", "",
                    String.format(Locale.ROOT, "%,d", Long.parseLong(xs.get(i))));
        }
        text(svg, x0 + LEFT + plotW / 2, TOP + plotH + 34, "middle", "", panel.xLabel());
        for (int s = 0; s < panel.series().size(); s++) {
            Series series = panel.series().get(s);
            String colour = COLOURS[s % COLOURS.length];
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < xs.size(); i++) {
                Optional<Results.Result> r = results.find(series.benchmark(), series.param(), xs.get(i));
                if (r.isPresent() && r.get().score() > 0) {
                    double y = TOP + plotH - (Math.log10(r.get().score()) - lo) / (hi - lo) * plotH;
                    points.append(String.format(Locale.ROOT, "%.1f,%.1f ", xAt(x0, i, xs.size()), y));
                    svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n",
                            xAt(x0, i, xs.size()), y, colour));
                }
            }
            svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\"/>%n",
                    points.toString().strip(), colour));
            int ly = TOP + plotH + 50 + 13 * s;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\"/>%n",
                    x0 + LEFT, ly - 4, x0 + LEFT + 20, ly - 4, colour));
            text(svg, x0 + LEFT + 26, ly, "start", "", series.label());
        }
    }

    private static double xAt(int x0, int i, int n) {
        int plotW = WIDTH - LEFT - RIGHT;
        return x0 + LEFT + plotW * (i + 0.5) / n;
    }

    private static void text(StringBuilder svg, double x, double y, String anchor, String extra, String text) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" %s>%s</text>%n",
                x, y, anchor, extra, text.replace("&", "&amp;").replace("<", "&lt;")));
    }
}
