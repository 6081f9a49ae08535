package kb.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kb.bench.BaselineSearch;
import kb.bench.IndexBench;
import kb.bench.Latencies;
import kb.bench.SearchBench;
import kb.bench.StartupBench;
import kb.bench.Table;
import kb.search.FieldCosts;
import kb.search.SearchEngine;

/**
 * The sections of the {@code kb bench} report: each runs one measurement and prints its table, and, where kb has
 * a target, a verdict line saying whether it was met. Ratios are taken against baselines measured in the same run,
 * on the same machine, never against figures from an earlier one.
 */
final class BenchSections {
    private final PrintWriter out;
    private final BenchTargets targets;
    private final int warmup;
    private final int iterations;

    BenchSections(PrintWriter out, BenchTargets targets, int warmup, int iterations) {
        this.out = out;
        this.targets = targets;
        this.warmup = warmup;
        this.iterations = iterations;
    }

    /** Full rebuilds by kb and by the baseline, alternating; the fastest of {@code indexRuns} counts for each. */
    void indexing(Path corpusDir, Path kbIndex, Path baseIndex, int indexRuns) throws IOException {
        IndexBench.Figures kb = null;
        IndexBench.Figures base = null;
        for (int run = 0; run < indexRuns; run++) {
            // Alternate which goes first, so JIT warm-up favours neither.
            IndexBench.Figures b1 = run % 2 == 0 ? IndexBench.baseline(corpusDir, baseIndex) : null;
            IndexBench.Figures k = IndexBench.kb(corpusDir, kbIndex);
            IndexBench.Figures b2 = run % 2 == 1 ? IndexBench.baseline(corpusDir, baseIndex) : null;
            IndexBench.Figures b = b1 != null ? b1 : b2;
            kb = kb == null || k.nanos() < kb.nanos() ? k : kb;
            base = base == null || b.nanos() < base.nanos() ? b : base;
        }
        out.printf(Locale.ROOT, "Indexing (full rebuild, fastest of %d):%n", indexRuns);
        Table t = new Table("", "seconds", "MB/s", "passages/s", "articles", "passages", "index MB", "peak heap MB");
        for (var e : List.of(Map.entry("kb", kb), Map.entry("Lucene baseline", base))) {
            IndexBench.Figures f = e.getValue();
            t.row(e.getKey(), f2(f.seconds()), f2(f.mbPerSecond()), String.format(Locale.ROOT, "%,.0f", f.passagesPerSecond()),
                    f.articles(), f.passages(), f1(f.indexBytes() / 1e6), f0(f.peakHeapBytes() / 1e6));
        }
        t.print(out);
        targets.atMost(BenchTargets.INDEXING, kb.seconds() / base.seconds(), 1.3);
    }

    /** In-process search, kb against the baseline; the result gives the later sections their reference p50s. */
    SearchBench.Result search(SearchEngine service, BaselineSearch baseline, List<String> queries) throws IOException {
        SearchBench.Result r = SearchBench.run(service, baseline, queries, warmup, iterations);
        out.printf(Locale.ROOT, "%nSearch in process, top 10 with highlighting (%d warm-up + %d measured passes, ms; "
                + "the JIT compiled for %.0f%% of the last warm-up pass):%n", r.warmupPasses(), iterations,
                100 * r.lastWarmupJit());
        Table t = new Table("", "searches", "p50", "p90", "p99", "mean");
        row(t, "kb (all features)", r.kb());
        row(t, "Lucene baseline", r.baseline());
        t.print(out);
        targets.atMost(BenchTargets.IN_PROCESS_P50, r.ratio(), 1.3);
        targets.atMost(BenchTargets.IN_PROCESS_P99, r.kb().p99() / r.baseline().p99(), 1.5);
        return r;
    }

    void fieldCosts(Path kbIndex, List<String> queries, double baselineP50) throws IOException {
        Map<String, long[]> nanos;
        try (FieldCosts costs = new FieldCosts(kbIndex)) {
            nanos = costs.measure(queries, warmup, Math.max(1, iterations));
        }
        out.printf(Locale.ROOT, "%nWhat the field weighting costs: kb's ranked search alone (top 10, pruned), by query form (ms):%n");
        Table t = new Table("query form", "p50", "mean");
        nanos.forEach((name, series) -> {
            if (series.length > 0) {
                Latencies l = new Latencies(series);
                t.row(name, f2(l.p50()), f2(l.meanMs()));
            }
        });
        t.print(out);
        out.printf(Locale.ROOT, "  for comparison, the baseline's whole search plus highlighting (p50, from the in-process run above): %s ms%n", f2(baselineP50));
    }

    void phases(SearchEngine service, List<String> queries) {
        Map<String, Double> shares = SearchBench.phases(service, queries, Math.max(1, iterations));
        out.printf(Locale.ROOT, "%nWhere kb's search time goes (sampled, share of time inside LuceneSearchEngine.search):%n");
        Table t = new Table("phase", "share");
        shares.forEach((phase, share) -> t.row(phase, String.format(Locale.ROOT, "%.0f%%", share * 100)));
        t.print(out);
    }

    /**
     * Start-ups of {@code kb serve} to its first answered search; the median of {@code startupRuns} counts. With the
     * build's class-data-sharing archive next to the jar, each run is made with and without it, alternating, and the
     * target is judged with it (the command the README gives for it).
     */
    void startup(Path corpusDir, Path kbIndex, String query, int startupRuns) throws IOException, InterruptedException {
        java.util.Optional<String> archive = StartupBench.archive();
        double[][] wall = new double[2][startupRuns];
        double[][] cpu = new double[2][startupRuns];
        for (int i = 0; i < startupRuns; i++) {
            for (int side = 0; side < (archive.isPresent() ? 2 : 1); side++) {
                // Alternate which goes first, so neither always starts on a machine the other just warmed.
                int form = archive.isPresent() && i % 2 == 1 ? 1 - side : side;
                List<String> jvm = form == 1 ? List.of("-XX:SharedArchiveFile=" + archive.get()) : List.of();
                StartupBench.Result r = StartupBench.once(corpusDir, kbIndex, query, jvm, List.of(), List.of());
                wall[form][i] = r.wallSeconds();
                cpu[form][i] = r.cpuSeconds();
            }
        }
        out.printf(Locale.ROOT, "%nStart-up of `kb serve` (index built) to the first answered search, %d runs:%n", startupRuns);
        out.printf(Locale.ROOT, "  java -jar: wall median %.2f s of %s; CPU used by then: median %.2f s%n", median(wall[0]),
                Arrays.toString(Arrays.stream(wall[0]).mapToObj(BenchSections::f2).toArray()), median(cpu[0]));
        if (archive.isPresent()) {
            out.printf(Locale.ROOT, "  java -XX:SharedArchiveFile=%s -jar: wall median %.2f s of %s; CPU: median %.2f s%n",
                    archive.get(), median(wall[1]), Arrays.toString(Arrays.stream(wall[1]).mapToObj(BenchSections::f2).toArray()),
                    median(cpu[1]));
        }
        int judged = archive.isPresent() ? 1 : 0;
        targets.below(BenchTargets.STARTUP, median(wall[judged]), 1.5);
        targets.note(BenchTargets.STARTUP, (archive.isPresent() ? "with the class-data-sharing archive " + archive.get()
                + String.format(Locale.ROOT, " (without: %.2f s)", median(wall[0])) : "without a class-data-sharing archive")
                + ", on " + corpusDir);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    static void row(Table t, String name, Latencies l) {
        t.row(name, l.count(), f2(l.p50()), f2(l.p90()), f2(l.p99()), f2(l.meanMs()));
    }

    static String f0(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }

    static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
