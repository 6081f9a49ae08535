package kb.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import kb.bench.BaselineSearch;
import kb.bench.IndexBench;
import kb.bench.QuerySets;
import kb.bench.SearchBench;
import kb.corpus.CorpusReader;
import kb.index.Indexer;
import kb.search.LuceneSearchEngine;
import kb.search.SearchEngine;
import kb.web.ServerThreads;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kb bench}: measures indexing, in-process search, search over HTTP and start-up on a corpus and query set,
 * each against its target, with minimal Lucene baselines measured in the same run ({@link BenchSections}). Prints
 * tables; changes nothing outside its temporary folders (and {@code --index}, when given).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure indexing, search (in process, by mode, over HTTP, as the corpus grows) and start-up speed "
                        + "against minimal Lucene baselines, and print issue 16's targets with met or NOT met.",
                "Query sets: a file (id<TAB>text), scifact (../shared/datasets/scifact/queries.train.tsv),",
                "medquad (a sample of the ## questions of the corpus's Markdown files), words (a sample of indexed words)."})
final class BenchCommand implements Callable<Integer> {
    enum QuerySet { scifact, medquad, words }

    /**
     * The time limit of the bench's searches: far above any real search, so that a machine busy with other work
     * slows the figures instead of stopping the run (kb serve's 2 s limit stopped one MedQuAD run at load 13).
     */
    static final Duration SEARCH_LIMIT = Duration.ofSeconds(120);

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

    @Option(names = "--clients", paramLabel = "N,N", split = ",", defaultValue = "1,4,16,64",
            description = "Concurrent HTTP clients, one load level each (default: ${DEFAULT-VALUE}).")
    int[] clients;

    @Option(names = "--duration", paramLabel = "S", defaultValue = "10", description = "Seconds per HTTP load level, and of the HTML/JSON warm-up before them (default: ${DEFAULT-VALUE}).")
    double duration;

    @Option(names = "--threads", paramLabel = "POOL,POOL", split = ",", defaultValue = "platform,virtual",
            converter = ThreadsConverter.class,
            description = "Request-thread pools to measure HTTP with: platform (Jetty's pool, kb's default) and virtual "
                    + "(needs Java 21 or later; skipped, and said, on Java 17) (default: ${DEFAULT-VALUE}).")
    List<ServerThreads> threads;

    @Option(names = "--modes", paramLabel = "auto|on|off", defaultValue = "auto",
            description = "Time each search mode (lexical, hybrid, semantic) and the query embedding. The index needs "
                    + "meaning vectors, made here untimed: SciFact's 5,183 passages take 1-3 minutes on 2 cores, "
                    + "MedQuAD's 36,101 8-17. auto: when the corpus has at most 10,000 passages or --index already has "
                    + "vectors (default: ${DEFAULT-VALUE}).")
    BenchModes.When modes;

    @CommandLine.Mixin
    ClusterOptions cluster;

    @Option(names = "--scale", paramLabel = "N,N", split = ",",
            description = "Also build corpora of N copies of the corpus's Markdown and text files (words shuffled in "
                    + "each copy, seeded; in a temporary folder), e.g. 1,4,16, and time kb and the baseline on each with "
                    + "the same queries; the largest is also served with -Xmx512m --no-meaning. Off by default.")
    int[] scale;

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
    private final BenchFolders temporary = new BenchFolders();

    @Override
    public Integer call() throws Exception {
        out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (int c : clients) {
            if (c < 1 || c > 256) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--clients must be between 1 and 256, not " + c);
            }
        }
        for (int f : scale == null ? new int[0] : scale) {
            if (f < 1 || f > 64) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--scale factors must be between 1 and 64, not " + f);
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
            BenchTargets targets = new BenchTargets(out);
            BenchSections sections = new BenchSections(out, targets, warmup, iterations);
            if (indexing) {
                sections.indexing(corpusDir, kbIndex, baseIndex, indexRuns);
            } else {
                if (Indexer.isStale(corpusDir, kbIndex)) {
                    new Indexer(new CorpusReader()).rebuild(corpusDir, kbIndex);
                }
                IndexBench.baseline(corpusDir, baseIndex);
                targets.notMeasured(BenchTargets.INDEXING, "--no-indexing");
            }
            List<String> querySet = querySet(kbIndex, err);
            if (querySet == null) {
                return 1;
            }
            if (asText) {
                querySet = querySet.stream().map(QuerySets::asText).toList();
            }
            List<String> accepted;
            try (SearchEngine service = LuceneSearchEngine.open(kbIndex, SEARCH_LIMIT); BaselineSearch baseline = new BaselineSearch(baseIndex)) {
                accepted = SearchBench.accepted(service, querySet);
                out.printf(Locale.ROOT, "%nQueries: %s%s, %d (%d refused by kb and left out)%n", describeQueries(),
                        asText ? " as plain text" : "", accepted.size(), querySet.size() - accepted.size());
                if (accepted.isEmpty()) {
                    err.println("kb bench: no query to run.");
                    return 1;
                }
                SearchBench.Result inProcess = sections.search(service, baseline, accepted);
                if (phases) {
                    sections.phases(service, accepted);
                }
                if (fieldCosts) {
                    sections.fieldCosts(kbIndex, accepted, inProcess.baseline().p50());
                }
                if (http) {
                    new BenchHttp(out, targets, duration, iterations).run(service, baseline, accepted, inProcess.kb().p50(),
                            clients, threads);
                } else {
                    targets.notMeasured(BenchTargets.HTTP_P50, "--no-http");
                    targets.notMeasured(BenchTargets.HTTP_THROUGHPUT, "--no-http");
                }
                if (cluster.wanted()) {
                    try (SearchEngine remote = cluster.openForQueries(spec.commandLine(), SEARCH_LIMIT,
                            kb.search.SearchMode.LEXICAL, err, "kb bench")) {
                        new BenchCluster(out, warmup, iterations).run(service, remote, cluster.collection, accepted);
                    }
                }
                if (startup) {
                    sections.startup(corpusDir, kbIndex, accepted.get(0), startupRuns);
                } else {
                    targets.notMeasured(BenchTargets.STARTUP, "--no-startup");
                }
            }
            new BenchModes(out, targets, warmup, iterations).run(modes, corpusDir, kbIndex, accepted);
            if (scale != null) {
                new BenchScale(out, targets, warmup, iterations).run(corpusDir, scale, accepted, temporary);
            } else {
                targets.notMeasured(BenchTargets.GROWTH, "--scale 1,4,16");
            }
            targets.print();
            return 0;
        } finally {
            temporary.deleteAll();
        }
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

    /** Reads {@code platform} or {@code virtual}. */
    static final class ThreadsConverter implements CommandLine.ITypeConverter<ServerThreads> {
        @Override
        public ServerThreads convert(String value) {
            return ServerThreads.valueOf(value.strip().toUpperCase(Locale.ROOT));
        }
    }

    private Path temp(String prefix) throws IOException {
        return temporary.create(prefix);
    }
}
