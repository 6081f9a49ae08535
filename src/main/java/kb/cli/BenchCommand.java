package kb.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import kb.bench.BaselineSearch;
import kb.corpus.CorpusReader;
import kb.index.Indexer;
import kb.bench.HttpBench;
import kb.bench.IndexBench;
import kb.bench.Latencies;
import kb.bench.QuerySets;
import kb.bench.SearchBench;
import kb.bench.StartupBench;
import kb.bench.Table;
import kb.search.FieldCosts;
import kb.search.LuceneSearchEngine;
import kb.search.SearchEngine;
import kb.web.WebApp;
import kb.web.WebConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kb bench}: measures indexing, in-process search, search over HTTP and start-up on a corpus and query set,
 * each against its target, with minimal Lucene baselines measured in the same run. Prints tables; changes nothing
 * outside its temporary folders (and {@code --index}, when given).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure indexing, search and start-up speed against minimal Lucene baselines.",
                "Query sets: a file (id<TAB>text), scifact (../shared/datasets/scifact/queries.train.tsv),",
                "medquad (a sample of the ## questions of the corpus's Markdown files), words (a sample of indexed words)."})
final class BenchCommand implements Callable<Integer> {
    enum QuerySet { scifact, medquad, words }

    static final Path SCIFACT_QUERIES = Path.of("..", "shared", "datasets", "scifact", "queries.train.tsv");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--corpus", paramLabel = "DIR|FILE", defaultValue = "corpus",
            description = "Corpus folder, or one corpus file (copied into a folder of its own) (default: ${DEFAULT-VALUE}).")
    Path corpus;

    @Option(names = "--queries", paramLabel = "FILE", description = "Query file: id<TAB>text per line.")
    Path queries;

    @Option(names = "--query-set", paramLabel = "SET", defaultValue = "words",
            description = "scifact, medquad or words, when no --queries file is given (default: ${DEFAULT-VALUE}).")
    QuerySet querySet;

    @Option(names = "--sample", paramLabel = "N", defaultValue = "300",
            description = "How many medquad questions or words to sample (default: ${DEFAULT-VALUE}).")
    int sample;

    @Option(names = "--as-text", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Escape the query syntax, so queries are searched as plain words, as the baseline does (default: on).")
    boolean asText;

    @Option(names = "--index", paramLabel = "DIR", description = "Where to build kb's index (default: a temporary folder).")
    Path index;

    @Option(names = "--indexing", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Time full rebuilds (default: on). With --no-indexing and an --index that is up to date, "
                    + "that index is searched as it is; the baseline index is still built, untimed.")
    boolean indexing;

    @Option(names = "--index-runs", paramLabel = "N", defaultValue = "1",
            description = "Rebuilds of each index; the fastest counts (default: ${DEFAULT-VALUE}).")
    int indexRuns;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "2", description = "Warm-up passes over the queries (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "3", description = "Measured passes over the queries (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--http", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Measure /api/search and the HTML page over HTTP (default: on).")
    boolean http;

    @Option(names = "--clients", paramLabel = "N,N", split = ",", defaultValue = "1,4,16",
            description = "Concurrent HTTP clients, one load level each (default: ${DEFAULT-VALUE}).")
    int[] clients;

    @Option(names = "--duration", paramLabel = "S", defaultValue = "10", description = "Seconds per HTTP load level, and of the HTML/JSON warm-up before them (default: ${DEFAULT-VALUE}).")
    double duration;

    @Option(names = "--startup", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Measure start-up of `kb serve` to the first answered search (default: on).")
    boolean startup;

    @Option(names = "--startup-runs", paramLabel = "N", defaultValue = "3", description = "Start-ups to time; the median counts (default: ${DEFAULT-VALUE}).")
    int startupRuns;

    @Option(names = "--phases", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Sample where kb's search time goes, by phase (default: on).")
    boolean phases;

    @Option(names = "--field-costs", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Time kb's ranked search with each searched field left out in turn (default: on).")
    boolean fieldCosts;

    private PrintWriter out;
    private final List<Path> temporary = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (int c : clients) {
            if (c < 1 || c > 256) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--clients must be between 1 and 256, not " + c);
            }
        }
        if (sample < 1 || warmup < 0 || iterations < 1 || indexRuns < 1 || startupRuns < 1 || duration <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--sample, --iterations, --index-runs and --startup-runs must be at least 1, --warmup at least 0, --duration positive");
        }
        try {
            Path corpusDir = corpusFolder(err);
            if (corpusDir == null) {
                return 1;
            }
            Path kbIndex = index != null ? index : temp("kb-bench-index-");
            Path baseIndex = temp("kb-bench-baseline-");
            out.printf(Locale.ROOT, "kb bench: corpus %s; %d cores, %s %s, max heap %d MB%n%n", corpus,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                    System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
            if (indexing) {
                indexing(corpusDir, kbIndex, baseIndex);
            } else {
                if (Indexer.isStale(corpusDir, kbIndex)) {
                    new Indexer(new CorpusReader()).rebuild(corpusDir, kbIndex);
                }
                IndexBench.baseline(corpusDir, baseIndex);
            }
            List<String> querySet = querySet(kbIndex, err);
            if (querySet == null) {
                return 1;
            }
            if (asText) {
                querySet = querySet.stream().map(QuerySets::asText).toList();
            }
            try (SearchEngine service = LuceneSearchEngine.open(kbIndex); BaselineSearch baseline = new BaselineSearch(baseIndex)) {
                List<String> accepted = SearchBench.accepted(service, querySet);
                out.printf(Locale.ROOT, "%nQueries: %s%s, %d (%d refused by kb and left out)%n", describeQueries(),
                        asText ? " as plain text" : "", accepted.size(), querySet.size() - accepted.size());
                if (accepted.isEmpty()) {
                    err.println("kb bench: no query to run.");
                    return 1;
                }
                SearchBench.Result inProcess = search(service, baseline, accepted);
                if (phases) {
                    phases(service, accepted);
                }
                if (fieldCosts) {
                    fieldCosts(kbIndex, accepted, inProcess.baseline().p50());
                }
                if (http) {
                    http(service, accepted, inProcess.kb().p50());
                }
                if (startup) {
                    startup(corpusDir, kbIndex, accepted.get(0));
                }
            }
            return 0;
        } finally {
            for (Path p : temporary) {
                deleteTree(p);
            }
        }
    }

    private void indexing(Path corpusDir, Path kbIndex, Path baseIndex) throws IOException {
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
        verdict("indexing time, kb / baseline", kb.seconds() / base.seconds(), 1.5);
    }

    private SearchBench.Result search(SearchEngine service, BaselineSearch baseline, List<String> queries) throws IOException {
        SearchBench.Result r = SearchBench.run(service, baseline, queries, warmup, iterations);
        out.printf(Locale.ROOT, "%nSearch in process, top 10 with highlighting (%d warm-up + %d measured passes, ms):%n",
                warmup, iterations);
        Table t = new Table("", "searches", "p50", "p90", "p99", "mean");
        row(t, "kb (all features)", r.kb());
        row(t, "Lucene baseline", r.baseline());
        t.print(out);
        verdict("in-process p50, kb / baseline", r.ratio(), 1.2);
        return r;
    }

    private void fieldCosts(Path kbIndex, List<String> queries, double baselineP50) throws IOException {
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

    private void phases(SearchEngine service, List<String> queries) {
        Map<String, Double> shares = SearchBench.phases(service, queries, Math.max(1, iterations));
        out.printf(Locale.ROOT, "%nWhere kb's search time goes (sampled, share of time inside SearchEngine.search):%n");
        Table t = new Table("phase", "share");
        shares.forEach((phase, share) -> t.row(phase, String.format(Locale.ROOT, "%.0f%%", share * 100)));
        t.print(out);
    }

    private void http(SearchEngine service, List<String> queries, double inProcessP50) throws InterruptedException {
        WebApp app = new WebApp(service, new WebConfig("127.0.0.1", 0)).start();
        try {
            HttpBench bench = new HttpBench("http://127.0.0.1:" + app.port());
            // Both pages get the same warm-up, as long as one load level, so neither is measured before the JIT is done.
            bench.warmUp("/api/search", "/search", queries, duration);
            out.printf(Locale.ROOT, "%n/api/search over HTTP, closed loop, %.0f s per level (ms):%n", duration);
            Table t = new Table("clients", "requests", "errors", "p50", "p99", "requests/s");
            HttpBench.Result one = null;
            for (int c : clients) {
                HttpBench.Result r = bench.load("/api/search", queries, c, duration);
                if (c == 1) {
                    one = r;
                }
                t.row(c, r.latencies().count(), r.errors(), f2(r.latencies().p50()), f2(r.latencies().p99()),
                        f1(r.requestsPerSecond()));
            }
            t.print(out);
            if (one != null) {
                verdict("/api/search p50 at 1 client, HTTP / in process", one.latencies().p50() / inProcessP50, 1.5);
            }
            Latencies[] pages = bench.compare("/search", "/api/search", queries, Math.max(1, iterations));
            out.printf(Locale.ROOT, "%nHTML results page against the JSON API, one client, alternating (ms):%n");
            Table p = new Table("", "requests", "p50", "p90", "p99", "mean");
            row(p, "/search (HTML)", pages[0]);
            row(p, "/api/search (JSON)", pages[1]);
            p.print(out);
            verdict("p50, HTML page / JSON API", pages[0].p50() / pages[1].p50(), 1.2);
        } finally {
            app.stop();
        }
    }

    private void startup(Path corpusDir, Path kbIndex, String query) throws IOException, InterruptedException {
        double[] wall = new double[startupRuns];
        double[] cpu = new double[startupRuns];
        for (int i = 0; i < startupRuns; i++) {
            StartupBench.Result r = StartupBench.once(corpusDir, kbIndex, query);
            wall[i] = r.wallSeconds();
            cpu[i] = r.cpuSeconds();
        }
        double median = median(wall);
        out.printf(Locale.ROOT, "%nStart-up of `kb serve` (index built) to the first answered search, %d runs:%n", startupRuns);
        out.printf(Locale.ROOT, "  wall: median %.2f s of %s; CPU used by then: median %.2f s%n", median,
                Arrays.toString(Arrays.stream(wall).mapToObj(BenchCommand::f2).toArray()), median(cpu));
        out.printf(Locale.ROOT, "  target < 2 s (on the seed corpus): %s%n", median < 2 ? "met" : "NOT met");
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private List<String> querySet(Path kbIndex, PrintWriter err) throws IOException {
        if (queries != null) {
            if (!Files.isRegularFile(queries)) {
                err.println("kb bench: no such query file: " + queries);
                return null;
            }
            return QuerySets.fromFile(queries);
        }
        return switch (querySet) {
            case scifact -> {
                if (!Files.isRegularFile(SCIFACT_QUERIES)) {
                    err.println("kb bench: the SciFact claims are missing (" + SCIFACT_QUERIES
                            + "); give --queries FILE or another --query-set.");
                    yield null;
                }
                yield QuerySets.fromFile(SCIFACT_QUERIES);
            }
            case medquad -> {
                List<String> q = QuerySets.markdownQuestions(corpusFolderForQuestions(), sample);
                if (q.isEmpty()) {
                    err.println("kb bench: no `## ` questions in the corpus's Markdown files; use another --query-set.");
                    yield null;
                }
                yield q;
            }
            case words -> QuerySets.indexedWords(kbIndex, sample);
        };
    }

    private Path corpusFolderForQuestions() {
        return Files.isDirectory(corpus) ? corpus : corpus.toAbsolutePath().getParent();
    }

    private String describeQueries() {
        return queries != null ? queries.toString() : switch (querySet) {
            case scifact -> "SciFact training claims";
            case medquad -> "MedQuAD section questions (sample of " + sample + ")";
            case words -> "single indexed words (sample of " + sample + ")";
        };
    }

    /** The corpus as a folder: a single file is copied into a temporary folder of its own. */
    private Path corpusFolder(PrintWriter err) throws IOException {
        if (Files.isDirectory(corpus)) {
            return corpus;
        }
        if (Files.isRegularFile(corpus)) {
            Path dir = temp("kb-bench-corpus-");
            Files.copy(corpus, dir.resolve(corpus.getFileName()));
            return dir;
        }
        err.println("kb bench: no corpus at " + corpus + (corpus.startsWith("..") ? " (is ../shared/datasets there?)" : ""));
        return null;
    }

    private Path temp(String prefix) throws IOException {
        Path p = Files.createTempDirectory(prefix);
        temporary.add(p);
        return p;
    }

    private void verdict(String what, double ratio, double target) {
        out.printf(Locale.ROOT, "  %s: %.2fx (target <= %.1fx): %s%n", what, ratio, target, ratio <= target ? "met" : "NOT met");
    }

    private static void row(Table t, String name, Latencies l) {
        t.row(name, l.count(), f2(l.p50()), f2(l.p90()), f2(l.p99()), f2(l.meanMs()));
    }

    private static String f0(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
