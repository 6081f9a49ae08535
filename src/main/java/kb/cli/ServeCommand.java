package kb.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import kb.corpus.CorpusReader;
import kb.index.CorpusFingerprint;
import kb.index.IndexReport;
import kb.index.Indexer;
import kb.index.MassDeletionException;
import kb.index.IndexMeaning;
import kb.live.CorpusWatcher;
import kb.live.MeaningBuilder;
import kb.live.MeaningStatus;
import kb.live.RebuildStatus;
import kb.live.Reindexer;
import kb.meaning.Embedder;
import kb.meaning.Meaning;
import kb.search.BadQueryException;
import kb.search.SearchRequest;
import kb.search.LuceneSearchEngine;
import kb.search.SearchEngine;
import kb.web.AdminToken;
import kb.web.WebApp;
import kb.web.WebConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kb serve}: updates the index when it is missing or older than the corpus, then serves the web front end
 * until the process is stopped; with {@code --watch} it keeps the index current as the corpus changes, and with
 * {@code KB_ADMIN_TOKEN} set it accepts {@code POST /admin/reindex}. Listens on the loopback address unless
 * {@code --host} says otherwise. Nobody waits for meaning vectors or the model: the start-up update makes no vectors, the
 * model loads once the server answers (searches are by words until then, {@link ModelGate}), and a {@link
 * MeaningBuilder} then adds vectors in the background.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the search web pages and JSON API.",
                "Updates the index first when it is missing or out of date, then runs until stopped (Ctrl+C).",
                "Set the environment variable KB_ADMIN_TOKEN (at least 24 characters, e.g. from `openssl rand -hex 32`)",
                "to enable POST /admin/reindex (Authorization: Bearer <token>).",
                "Search by meaning starts once every passage has a meaning vector; they are added in the background "
                        + "(GET /health shows how far). --no-meaning serves by words only this time."})
final class ServeCommand implements Callable<Integer> {
    /** The environment variable holding the admin token; unset or blank turns the admin endpoint off. */
    static final String ADMIN_TOKEN_VARIABLE = "KB_ADMIN_TOKEN";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "7070", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = WebConfig.DEFAULT_HOST,
            description = "Address to listen on (default: ${DEFAULT-VALUE}; use 0.0.0.0 to allow other machines).")
    String host;

    @CommandLine.Mixin
    CorpusIndexOptions folders;

    @CommandLine.Mixin
    MeaningOption meaning;

    @Option(names = "--public-url", paramLabel = "URL",
            description = "The address people reach kb at, e.g. https://kb.example.org, for the absolute links kb hands out "
                    + "(OpenSearch); default: the address kb listens on.")
    String publicUrl;

    @Option(names = "--watch", description = "Watch the corpus folder and update the index within seconds of a change.")
    boolean watch;

    @Option(names = "--watch-content", description = "With --watch, also compare every file's bytes on each look (finds "
            + "an edit that kept size and time on file systems without change times; reads the whole corpus each second).")
    boolean watchContent;

    @Option(names = "--query-timeout", paramLabel = "SECONDS", defaultValue = "2", converter = QueryTimeoutOption.class, description = QueryTimeoutOption.DESCRIPTION)
    java.time.Duration queryTimeout;

    @CommandLine.Mixin
    ClusterOptions cluster;

    @Option(names = "--watch-interval", paramLabel = "MS", defaultValue = "1000", hidden = true,
            description = "How often --watch looks at the corpus, in milliseconds (default: ${DEFAULT-VALUE}).")
    long watchIntervalMillis;

    @Override
    public Integer call() throws Exception {
        // Before anything is indexed: a refused start must cost nothing and change nothing.
        String token = adminToken();
        String publicAddress = publicAddress();
        try {
            WebConfig.checkPort("--port", port);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (watchIntervalMillis < 50) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--watch-interval must be at least 50 ms");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (cluster.wanted()) {
            if (watch) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--watch updates the embedded index; with --solr, update the cluster with `kb index --solr`");
            }
            return ClusterServe.serve(out, cluster.nodes(spec.commandLine(), ClusterServe.requestTimeout(queryTimeout)),
                    cluster.collection, new WebConfig(host, port, publicAddress), queryTimeout, token != null,
                    meaning.meaning == null || meaning.meaning);
        }
        Path index = folders.index();
        Path corpus = folders.boundCorpus();
        Indexer indexer = new Indexer(new CorpusReader(CorpusReader.DEFAULT_MAX_FILE_BYTES));
        boolean follow = watch;
        if (!Files.isDirectory(corpus) && Files.isDirectory(index)) {
            // The index stands on its own: serve it, and say why it will not change.
            out.println("The corpus folder " + corpus.toAbsolutePath().normalize() + " does not exist; serving the index in "
                    + index.toAbsolutePath().normalize() + " as it is" + (watch ? ", watching nothing." : "."));
            follow = false;
        }
        boolean corpusPresent = Files.isDirectory(corpus);
        // The model (about 2 s of CPU to load) never delays an answer: it loads once the server answers, and until
        // then every search is by words (ModelGate), whether or not the index has its vectors.
        boolean wanted = meaning.wanted(IndexMeaning.of(index));
        CompletableFuture<Meaning> model = wanted ? new CompletableFuture<>() : null;
        // Taken before the startup update, so a change made while it runs is still seen by the watcher.
        String fingerprint = follow ? CorpusFingerprint.of(corpus, watchContent) : null;
        RebuildStatus startup = null;
        if (corpusPresent && Indexer.isStale(corpus, index)) {
            out.println("Indexing " + corpus.toAbsolutePath().normalize() + " …");
            out.flush();
            Instant started = Instant.now();
            try {
                IndexReport report = indexer.update(corpus, index);
                out.println(report.summary());
                startup = Reindexer.of(report, started);
            } catch (MassDeletionException e) {
                // Serve the index as it was; /health says why, and the watcher waits for the corpus to change.
                startup = Reindexer.held(Indexer.Mode.INCREMENTAL, started, e);
                out.println(startup.message());
            } catch (IOException | RuntimeException e) {
                // The update was rolled back: serve the previous index if there is one (SearchEngine.open says
                // plainly when there is none), and let the watcher try again.
                startup = Reindexer.failed(Indexer.Mode.INCREMENTAL, started, e);
                out.println(startup.message());
                fingerprint = null;
            }
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Embedder embedder = model == null ? null : new LoadingEmbedder(model);
        try (ModelGate search = new ModelGate(LuceneSearchEngine.open(index, queryTimeout, embedder), model == null)) {
            Reindexer reindexer = new Reindexer(indexer, corpus, index, search);
            if (startup != null) {
                reindexer.record(startup);
            }
            AtomicReference<MeaningBuilder> builder = new AtomicReference<>();
            if (model == null) {
                builder.set(builder(null, reindexer, corpusPresent));
                reindexer.meaning(builder.get());
            }
            CorpusWatcher watcher = follow
                    ? new CorpusWatcher(corpus, reindexer, Duration.ofMillis(watchIntervalMillis), fingerprint, watchContent).start()
                    : null;
            // Open the index's per-generation state (facets, highlighters, expansions) and load the search code
            // while the web server starts, so the first request does not pay for it.
            Thread warmUp = new Thread(() -> warm(search), "kb-serve-warm-up");
            warmUp.start();
            WebApp app = new WebApp(search, new WebConfig(host, port, publicAddress), reindexer, token).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (watcher != null) {
                    watcher.close();
                }
                MeaningBuilder b = builder.getAndSet(MeaningBuilder.off("kb is stopping"));
                if (b != null) {
                    b.close();
                }
                app.stop();
                stopped.countDown();
            }, "kb-serve-shutdown"));
            out.println("kb is serving " + search.state().passages() + " passages at " + app.url() + "  (Ctrl+C to stop)");
            if (publicAddress == null && (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]"))) {
                // Browsers elsewhere cannot reach 0.0.0.0: the links kb hands out (OpenSearch) need a real name.
                out.println("Note: listening on all addresses; give --public-url (e.g. http://your-host:" + app.port()
                        + ") so the links kb hands out point at an address others can reach.");
            }
            if (follow) {
                out.println("Watching " + corpus.toAbsolutePath().normalize() + " for changes.");
            }
            if (model != null) {
                loadLater(model, warmUp, search, builder, reindexer, corpusPresent);
            }
            MeaningStatus meaningNow = reindexer.meaningStatus(search.state());
            out.println(model != null ? "Search by meaning: the model loads in the background; searches are by words until "
                    + "it has loaded and every passage has a vector. GET /health shows how far." : switch (meaningNow.state()) {
                case MeaningStatus.BUILDING -> "Search by meaning: adding vectors in the background (" + meaningNow.message()
                        + "); words only until every passage has one. GET /health shows how far.";
                case MeaningStatus.DONE -> "Search by meaning: on (" + meaningNow.message() + ").";
                case MeaningStatus.UNAVAILABLE -> meaningNow.message();
                default -> "Search by words only: " + meaningNow.message() + ".";
            });
            if (token != null) {
                out.println("POST " + app.url() + "admin/reindex is enabled (" + ADMIN_TOKEN_VARIABLE + " is set).");
            }
            out.flush();
            stopped.await();
        }
        return 0;
    }

    /** The builder adding vectors with the loaded model, or saying why none are added. */
    private MeaningBuilder builder(Meaning loaded, Reindexer reindexer, boolean corpusPresent) {
        Embedder embedder = loaded == null ? null : loaded.embedder().orElse(null);
        return loaded == null ? MeaningBuilder.off("search by meaning is off"
                + (meaning.meaning == null ? " for this index (kb index --meaning turns it on)" : " (--no-meaning)"))
                : embedder == null ? MeaningBuilder.unavailable(loaded.message())
                : corpusPresent ? MeaningBuilder.start(reindexer, embedder, MeaningBuilder.RUN_BUDGET, meaning.recorded())
                : MeaningBuilder.off("no vectors can be added without the corpus folder");
    }

    /**
     * Loads the model on a thread of its own once the server answers and the warm-up search is done (on 2 cores the
     * load would otherwise take the CPU the first answer needs), then lets searches by meaning through the gate
     * when the model runs here, and starts the builder (unless kb is stopping by then: the shutdown hook has put its
     * own "off" builder in place).
     */
    private void loadLater(CompletableFuture<Meaning> later, Thread warmUp, ModelGate gate,
            AtomicReference<MeaningBuilder> builder, Reindexer reindexer, boolean corpusPresent) {
        Thread loader = new Thread(() -> {
            try {
                warmUp.join();
            } catch (InterruptedException e) {
                return;
            }
            Meaning loaded;
            try {
                loaded = MeaningOption.shared();
            } catch (RuntimeException | Error e) {
                // Whoever waits on the model hears why; lexical search goes on.
                later.completeExceptionally(e);
                throw e;
            }
            later.complete(loaded);
            if (loaded.available()) {
                gate.open();
            }
            MeaningBuilder started = builder(loaded, reindexer, corpusPresent);
            if (builder.compareAndSet(null, started)) {
                reindexer.meaning(started);
            } else {
                started.close();
            }
        }, "kb-serve-meaning-load");
        loader.setDaemon(true);
        loader.start();
    }

    /** The admin token from the environment, null when unset; one under 24 characters stops kb before it starts. */
    private String adminToken() {
        try {
            return AdminToken.check(System.getenv(ADMIN_TOKEN_VARIABLE));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), ADMIN_TOKEN_VARIABLE + ": " + e.getMessage());
        }
    }

    private String publicAddress() {
        try {
            return publicUrl == null ? null : WebConfig.checkPublicUrl(publicUrl);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--public-url: " + e.getMessage());
        }
    }

    private static void warm(SearchEngine search) {
        try {
            search.search(SearchRequest.of("warm up"));
        } catch (BadQueryException | RuntimeException e) {
            // Only a head start: a real request reports any problem itself.
        }
    }
}
