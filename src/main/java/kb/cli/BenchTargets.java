package kb.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kb.bench.Table;

/**
 * The targets of issue 16 as one {@code kb bench} run measured them: each figure with its value, its target and
 * "met" or "NOT met", or why it was not measured in this run. Rule: every target is listed, in the order,
 * whether or not its section ran, so a run never hides a target by leaving it out; each section prints its own
 * verdict line as it finishes, and {@link #print} repeats them all in one table at the end.
 */
final class BenchTargets {
    /** The figures, in the order; the map keeps that order and holds null until a section measures one. */
    static final String IN_PROCESS_P50 = "in-process p50, kb / baseline";
    static final String IN_PROCESS_P99 = "in-process p99, kb / baseline";
    static final String HTTP_P50 = "/api/search p50 at 1 client / kb in-process p50";
    static final String HTTP_THROUGHPUT = "/api/search throughput at 16 clients / baseline in process on 16 threads";
    static final String INDEXING = "indexing time, kb / minimal loop";
    static final String GROWTH = "p50 growth 1x -> 16x corpus, kb / baseline";
    static final String STARTUP = "start-up to first answer (seed)";
    static final String HYBRID = "hybrid p50 <= lexical p50 + 1.2 x query-embedding p50";

    private record Verdict(String value, String target, Boolean met, String note) {}

    private final PrintWriter out;
    private final Map<String, Verdict> verdicts = new LinkedHashMap<>();

    BenchTargets(PrintWriter out) {
        this.out = out;
        for (String figure : List.of(IN_PROCESS_P50, IN_PROCESS_P99, HTTP_P50, HTTP_THROUGHPUT, INDEXING, GROWTH,
                STARTUP, HYBRID)) {
            verdicts.put(figure, null);
        }
    }

    /** {@code ratio} against a target of at most {@code limit}; prints the verdict line. */
    void atMost(String figure, double ratio, double limit) {
        record(figure, ratioText(ratio, limit), String.format(Locale.ROOT, "<= %.1fx", limit), ratio <= limit, null);
    }

    /** {@code ratio} against a target of at least {@code limit}; prints the verdict line. */
    void atLeast(String figure, double ratio, double limit) {
        record(figure, ratioText(ratio, limit), String.format(Locale.ROOT, ">= %.1fx", limit), ratio >= limit, null);
    }

    /**
     * The ratio with two decimals, or with as many more (up to four) as it takes not to read as the limit itself:
     * a run's 1.1004x against "<= 1.1x" printed as "1.10x" looked met beside its "NOT met".
     */
    static String ratioText(double ratio, double limit) {
        String text = String.format(Locale.ROOT, "%.2f", ratio);
        for (int decimals = 3; decimals <= 4 && ratio != limit && Double.parseDouble(text) == limit; decimals++) {
            text = String.format(Locale.ROOT, "%." + decimals + "f", ratio);
        }
        return text + "x";
    }

    /** Seconds against a target of under {@code limit} seconds. */
    void below(String figure, double seconds, double limit) {
        record(figure, String.format(Locale.ROOT, "%.2f s", seconds), String.format(Locale.ROOT, "< %.1f s", limit),
                seconds < limit, null);
    }

    /** Milliseconds against a limit in milliseconds, e.g. the hybrid budget. */
    void millisAtMost(String figure, double ms, double limitMs) {
        record(figure, String.format(Locale.ROOT, "%.2f ms", ms), String.format(Locale.ROOT, "<= %.2f ms", limitMs),
                ms <= limitMs, null);
    }

    /** A figure this run did not measure, and why (e.g. the option that turns it on). */
    void notMeasured(String figure, String why) {
        if (verdicts.get(figure) == null) {
            verdicts.put(figure, new Verdict("-", "", null, why));
        }
    }

    /** Adds a note to a figure already measured (e.g. which corpus it is from). */
    void note(String figure, String note) {
        Verdict v = verdicts.get(figure);
        if (v != null) {
            verdicts.put(figure, new Verdict(v.value(), v.target(), v.met(), note));
        }
    }

    private void record(String figure, String value, String target, boolean met, String note) {
        verdicts.put(figure, new Verdict(value, target, met, note));
        out.printf(Locale.ROOT, "  %s: %s (target %s): %s%n", figure, value, target, met ? "met" : "NOT met");
    }

    /** The table of every target, measured or not; returns how many were measured and not met. */
    int print() {
        out.printf(Locale.ROOT, "%nTargets (issue 16), this run:%n");
        Table t = new Table("figure", "value", "target", "verdict");
        List<String> notes = new ArrayList<>();
        int missed = 0;
        for (Map.Entry<String, Verdict> e : verdicts.entrySet()) {
            Verdict v = e.getValue();
            if (v == null) {
                t.row(e.getKey(), "-", "", "not measured");
                continue;
            }
            missed += Boolean.FALSE.equals(v.met()) ? 1 : 0;
            t.row(e.getKey(), v.value(), v.target(), v.met() == null ? "not measured" : v.met() ? "met" : "NOT met");
            if (v.note() != null) {
                notes.add(e.getKey() + ": " + v.note());
            }
        }
        t.print(out);
        notes.forEach(n -> out.println("  " + n));
        return missed;
    }
}
