package kb.cli;

import static kb.cli.BenchSections.f1;
import static kb.cli.BenchSections.f2;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kb.bench.BaselineSearch;
import kb.bench.HttpBench;
import kb.bench.Latencies;
import kb.bench.Table;
import kb.bench.ThroughputBench;
import kb.search.SearchEngine;
import kb.web.ServerThreads;
import kb.web.WebApp;
import kb.web.WebConfig;

/**
 * The HTTP section of {@code kb bench}: {@code /api/search} in a closed loop at each number of clients, once per
 * request-thread pool asked for ({@link ServerThreads}; virtual threads only where this Java has them), the baseline's
 * throughput in process on as many threads as the most clients, and the HTML page against the JSON API. Rule: the
 * targets are judged on the pool kb serves with by default ({@link WebApp#DEFAULT_THREADS}); the other pools are
 * printed beside it so the default can be chosen by measurement.
 */
final class BenchHttp {
    static final int THROUGHPUT_CLIENTS = 16;

    private final PrintWriter out;
    private final BenchTargets targets;
    private final double duration;
    private final int iterations;

    BenchHttp(PrintWriter out, BenchTargets targets, double duration, int iterations) {
        this.out = out;
        this.targets = targets;
        this.duration = duration;
        this.iterations = iterations;
    }

    void run(SearchEngine service, BaselineSearch baseline, List<String> queries, double inProcessP50, int[] clients,
            List<ServerThreads> pools) throws InterruptedException {
        List<ServerThreads> measured = new ArrayList<>();
        for (ServerThreads pool : pools) {
            if (pool.inUse() != pool) {
                out.printf(Locale.ROOT, "%n(%s request threads need Java 21 or later; this is Java %s: not measured)%n",
                        pool.label(), System.getProperty("java.version"));
            } else if (!measured.contains(pool)) {
                measured.add(pool);
            }
        }
        // The throughput target is at 16 clients; without that level, the most clients measured stand in (and say so).
        int most = 0;
        boolean sixteen = false;
        for (int c : clients) {
            most = Math.max(most, c);
            sixteen |= c == THROUGHPUT_CLIENTS;
        }
        most = sixteen ? THROUGHPUT_CLIENTS : most;
        for (ServerThreads pool : measured) {
            boolean judged = pool == WebApp.DEFAULT_THREADS;
            WebApp app = new WebApp(service, new WebConfig("127.0.0.1", 0), null, null, pool).start();
            try {
                HttpBench bench = new HttpBench("http://127.0.0.1:" + app.port());
                // Both pages get the same warm-up, as long as one load level, so neither is measured before the JIT is done.
                HttpBench.WarmUp warm = bench.warmUp("/api/search", "/search", queries, duration);
                out.printf(Locale.ROOT, "%n/api/search over HTTP, %s request threads%s, closed loop, %.0f s per level (ms; "
                        + "after %.0f s of warm-up, the JIT compiling for %.0f%% of its last stretch):%n", pool.label(),
                        judged ? " (kb's default)" : "", duration, warm.seconds(), 100 * warm.lastJitShare());
                Table t = new Table("clients", "requests", "errors", "p50", "p99", "requests/s");
                HttpBench.Result one = null;
                HttpBench.Result top = null;
                for (int c : clients) {
                    HttpBench.Result r = bench.load("/api/search", queries, c, duration);
                    one = c == 1 ? r : one;
                    top = c == most ? r : top;
                    t.row(c, r.latencies().count(), r.errors(), f2(r.latencies().p50()), f2(r.latencies().p99()),
                            f1(r.requestsPerSecond()));
                }
                t.print(out);
                if (!judged) {
                    continue;
                }
                if (one != null) {
                    out.printf(Locale.ROOT, "  HTTP adds %.2f ms to the in-process p50 at 1 client%n",
                            one.latencies().p50() - inProcessP50);
                    targets.atMost(BenchTargets.HTTP_P50, one.latencies().p50() / inProcessP50, 1.2);
                } else {
                    targets.notMeasured(BenchTargets.HTTP_P50, "--clients without 1");
                }
                double base = ThroughputBench.baseline(baseline, queries, most, duration);
                double kbInProcess = ThroughputBench.kb(service, queries, most, duration);
                out.printf(Locale.ROOT, "  in process on %d threads: baseline %.1f searches/s, kb %.1f/s; /api/search at %d "
                        + "clients: %.1f/s (%.2fx kb in process)%n", most, base, kbInProcess, most, top.requestsPerSecond(),
                        top.requestsPerSecond() / kbInProcess);
                targets.atLeast(BenchTargets.HTTP_THROUGHPUT, top.requestsPerSecond() / base, 0.7);
                if (most != THROUGHPUT_CLIENTS) {
                    targets.note(BenchTargets.HTTP_THROUGHPUT, "measured at " + most + " clients and threads, not 16");
                }
                htmlAgainstJson(bench, queries);
            } finally {
                app.stop();
            }
        }
        if (!measured.contains(WebApp.DEFAULT_THREADS)) {
            targets.notMeasured(BenchTargets.HTTP_P50, "kb's default request threads were not among --threads");
            targets.notMeasured(BenchTargets.HTTP_THROUGHPUT, "kb's default request threads were not among --threads");
        }
    }

    /** One client alternating the results page and the JSON API; the page should cost little more than the JSON. */
    private void htmlAgainstJson(HttpBench bench, List<String> queries) {
        Latencies[] pages = bench.compare("/search", "/api/search", queries, Math.max(1, iterations));
        out.printf(Locale.ROOT, "%nHTML results page against the JSON API, one client, alternating (ms):%n");
        Table p = new Table("", "requests", "p50", "p90", "p99", "mean");
        BenchSections.row(p, "/search (HTML)", pages[0]);
        BenchSections.row(p, "/api/search (JSON)", pages[1]);
        p.print(out);
        double ratio = pages[0].p50() / pages[1].p50();
        out.printf(Locale.ROOT, "  p50, HTML page / JSON API: %.2fx (kb's own check, not in issue 16: <= 1.2x): %s%n", ratio,
                ratio <= 1.2 ? "met" : "NOT met");
    }
}
