package kb.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import kb.corpus.CorpusReader;
import kb.index.IndexReport;
import kb.index.Indexer;
import kb.search.BadQueryException;
import kb.search.SearchRequest;
import kb.search.SearchService;
import kb.web.WebApp;
import kb.web.WebConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kb serve}: indexes the corpus when the index is missing or older than the corpus, then serves the web
 * front end until the process is stopped. Listens on the loopback address unless {@code --host} says otherwise.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the search web pages and JSON API.",
                "Indexes the corpus first when the index is missing or out of date, then runs until stopped (Ctrl+C)."})
final class ServeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "7070", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = WebConfig.DEFAULT_HOST,
            description = "Address to listen on (default: ${DEFAULT-VALUE}; use 0.0.0.0 to allow other machines).")
    String host;

    @Option(names = "--corpus", paramLabel = "DIR", defaultValue = "corpus", description = "Corpus folder (default: ${DEFAULT-VALUE}).")
    Path corpus;

    @Option(names = "--index", paramLabel = "DIR", defaultValue = "index", description = "Index folder (default: ${DEFAULT-VALUE}).")
    Path index;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65_535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port must be between 0 and 65535, not " + port);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (Indexer.isStale(corpus, index)) {
            out.println("Indexing " + corpus.toAbsolutePath().normalize() + " …");
            out.flush();
            IndexReport report = new Indexer(new CorpusReader(CorpusReader.DEFAULT_MAX_FILE_BYTES)).rebuild(corpus, index);
            out.println(report.summary());
            // A failed rebuild leaves any previous index in place; serving it beats serving nothing, and
            // SearchService.open says plainly when there is none.
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (SearchService search = SearchService.open(index)) {
            // Open the index's per-generation state (facets, highlighters, expansions) and load the search code
            // while the web server starts, so the first request does not pay for it.
            Thread warmUp = new Thread(() -> warm(search), "kb-serve-warm-up");
            warmUp.start();
            WebApp app = new WebApp(search, new WebConfig(host, port)).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                app.stop();
                stopped.countDown();
            }, "kb-serve-shutdown"));
            out.println("kb is serving " + search.passageCount() + " passages at " + app.url() + "  (Ctrl+C to stop)");
            out.flush();
            stopped.await();
        }
        return 0;
    }

    private static void warm(SearchService search) {
        try {
            search.search(SearchRequest.of("warm up"));
        } catch (BadQueryException | RuntimeException e) {
            // Only a head start: a real request reports any problem itself.
        }
    }
}
