package kb.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import kb.meaning.Embedder;
import kb.meaning.Meaning;
import kb.search.ClusterSearchEngine;
import kb.solr.SolrNodes;
import kb.web.WebApp;
import kb.web.WebConfig;

/**
 * {@code kb serve --solr …}: the same web pages and JSON API, answered from a SolrCloud collection. Nothing local is
 * indexed or watched (the cluster is updated with {@code kb index --solr}); {@code /health} shows the cluster. As for
 * the embedded index, the meaning model loads once the server answers, and searches are by words until then
 * ({@link ModelGate}); {@code --no-meaning} serves by words only.
 */
final class ClusterServe {
    /** Beyond the search's own limit, for the cluster's round trips. */
    private static final Duration NETWORK_MARGIN = Duration.ofSeconds(3);

    private ClusterServe() {}

    static int serve(PrintWriter out, SolrNodes nodes, String collection, WebConfig config, Duration queryTimeout,
            boolean adminTokenSet, boolean meaningWanted) throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        CompletableFuture<Meaning> model = meaningWanted ? new CompletableFuture<>() : null;
        Embedder embedder = model == null ? null : new LoadingEmbedder(model);
        try (ClusterSearchEngine engine = ClusterSearchEngine.open(nodes, collection, queryTimeout, embedder)) {
            ModelGate search = new ModelGate(engine, model == null);
            WebApp app = new WebApp(search, config).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                app.stop();
                stopped.countDown();
            }, "kb-serve-shutdown"));
            out.println("kb is serving " + search.state().passages() + " passages of collection " + collection
                    + " on the cluster at " + String.join(",", nodes.urls()) + " at " + app.url() + "  (Ctrl+C to stop)");
            if (adminTokenSet) {
                out.println("POST /admin/reindex is not served with --solr: update the cluster with `kb index --solr`.");
            }
            out.println(model == null ? "Search by words only (--no-meaning)."
                    : "Search by meaning: the model loads in the background; searches are by words until it has loaded"
                            + " (and on a collection whose passages do not all have vectors).");
            out.flush();
            if (model != null) {
                loadLater(model, search);
            }
            stopped.await();
        }
        return 0;
    }

    private static void loadLater(CompletableFuture<Meaning> model, ModelGate gate) {
        Thread loader = new Thread(() -> {
            Meaning loaded;
            try {
                loaded = MeaningOption.shared();
            } catch (RuntimeException | Error e) {
                model.completeExceptionally(e);
                throw e;
            }
            model.complete(loaded);
            if (loaded.available()) {
                gate.open();
            }
        }, "kb-serve-meaning-load");
        loader.setDaemon(true);
        loader.start();
    }

    static Duration requestTimeout(Duration queryTimeout) {
        return queryTimeout.plus(NETWORK_MARGIN);
    }
}
