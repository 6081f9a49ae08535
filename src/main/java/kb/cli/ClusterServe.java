package kb.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import kb.search.ClusterSearchEngine;
import kb.solr.SolrNodes;
import kb.web.WebApp;
import kb.web.WebConfig;

/**
 * {@code kb serve --solr …}: the same web pages and JSON API, answered from a SolrCloud collection. Nothing local is
 * indexed or watched (the cluster is updated with {@code kb index --solr}); {@code /health} shows the cluster.
 */
final class ClusterServe {
    /** Beyond the search's own limit, for the cluster's round trips. */
    private static final Duration NETWORK_MARGIN = Duration.ofSeconds(3);

    private ClusterServe() {}

    static int serve(PrintWriter out, SolrNodes nodes, String collection, WebConfig config, Duration queryTimeout,
            boolean adminTokenSet) throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        try (ClusterSearchEngine search = ClusterSearchEngine.open(nodes, collection, queryTimeout)) {
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
            out.println("Search by words (search by meaning is served by the embedded index only).");
            out.flush();
            stopped.await();
        }
        return 0;
    }

    static Duration requestTimeout(Duration queryTimeout) {
        return queryTimeout.plus(NETWORK_MARGIN);
    }
}
