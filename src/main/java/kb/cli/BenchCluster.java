package kb.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import kb.bench.Latencies;
import kb.search.BadQueryException;
import kb.search.ClusterState;
import kb.search.SearchEngine;
import kb.search.SearchHit;
import kb.search.SearchMode;
import kb.search.SearchPage;
import kb.search.SearchRequest;

/**
 * {@code kb bench --solr … --collection …}: the same queries on the embedded index and on a cluster collection built
 * from the same corpus, one search at a time, each page a full result page by words (snippets, facets, articles):
 * p50 and p99 of both, and for how many queries the cluster gave the same total, ordered top 10, facet counts and
 * articles block.
 */
final class BenchCluster {
    private final PrintWriter out;
    private final int warmup;
    private final int iterations;

    BenchCluster(PrintWriter out, int warmup, int iterations) {
        this.out = out;
        this.warmup = warmup;
        this.iterations = iterations;
    }

    void run(SearchEngine embedded, SearchEngine cluster, String collection, List<String> queries) throws Exception {
        int same = 0;
        for (String q : queries) {
            same += answer(embedded.search(request(q))).equals(answer(cluster.search(request(q)))) ? 1 : 0;
        }
        for (int pass = 0; pass < warmup; pass++) {
            for (String q : queries) {
                embedded.search(request(q));
                cluster.search(request(q));
            }
        }
        Latencies.Recorder local = new Latencies.Recorder();
        Latencies.Recorder remote = new Latencies.Recorder();
        for (int pass = 0; pass < iterations; pass++) {
            for (String q : queries) {
                local.add(time(embedded, q));
                remote.add(time(cluster, q));
            }
        }
        Latencies e = local.latencies();
        Latencies c = remote.latencies();
        String layout = cluster.cluster().map(BenchCluster::layout).orElse("");
        out.printf(Locale.ROOT, "%nCluster: collection %s%s, %d queries × %d passes, lexical result pages%n", collection,
                layout, queries.size(), iterations);
        out.printf(Locale.ROOT, "  embedded  p50 %7.2f ms   p99 %7.2f ms%n", e.p50(), e.p99());
        out.printf(Locale.ROOT, "  cluster   p50 %7.2f ms   p99 %7.2f ms   (%.2f× / %.2f× the embedded)%n", c.p50(), c.p99(),
                c.p50() / e.p50(), c.p99() / e.p99());
        out.printf(Locale.ROOT, "  same total, ordered top 10, facets and articles block: %d of %d queries%n", same, queries.size());
    }

    private static String layout(ClusterState s) {
        int replicas = s.shards().stream().mapToInt(ClusterState.Shard::replicas).max().orElse(0);
        return " (" + s.collection() + ": " + s.shards().size() + " shards × " + replicas + " replicas on "
                + s.liveNodes().size() + " live nodes)";
    }

    private static SearchRequest request(String q) {
        return SearchRequest.of(q).withMode(SearchMode.LEXICAL);
    }

    /** What must be the same: the total, the ordered top 10, the facets and the articles block with their counts. */
    private static String answer(SearchPage page) {
        return page.total() + " " + page.hits().stream().map(SearchHit::id).toList() + " " + page.facets() + " "
                + page.articles().stream().map(a -> a.slug() + "=" + a.passages()).toList();
    }

    private static long time(SearchEngine engine, String q) throws BadQueryException {
        long start = System.nanoTime();
        engine.search(request(q));
        return System.nanoTime() - start;
    }
}
