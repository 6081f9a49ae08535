package kb.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import kb.meaning.Embedder;
import kb.meaning.Meaning;
import kb.search.BadQueryException;
import kb.search.LuceneSearchEngine;
import kb.search.SearchMode;
import kb.search.SearchRequest;

/**
 * Search latency in each mode over an index that has meaning vectors: page 1, 10 hits, every feature on, queries
 * as plain text, the modes taking turns query by query so that none always runs warm. Run it as
 * {@code java -cp target/kb.jar kb.bench.ModeLatency INDEX QUERY-FILE [PASSES]} (the query file as {@code kb bench
 * --queries} takes it); it prints p50, p90 and p99 per mode.
 */
public final class ModeLatency {
    private ModeLatency() {}

    public static void main(String[] args) throws Exception {
        Path index = Path.of(args[0]);
        List<String> queries = QuerySets.fromFile(Path.of(args[1])).stream().map(QuerySets::asText).toList();
        int passes = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Meaning meaning = Meaning.load();
        Embedder embedder = meaning.embedder().orElseThrow(() -> new IllegalStateException(meaning.message()));
        SearchMode[] modes = SearchMode.values();
        Latencies.Recorder[] recorders = new Latencies.Recorder[modes.length];
        for (int m = 0; m < modes.length; m++) {
            recorders[m] = new Latencies.Recorder();
        }
        try (LuceneSearchEngine engine = LuceneSearchEngine.openForQueries(index, Duration.ofSeconds(30), embedder)) {
            if (!engine.state().meaningOn()) {
                throw new IllegalStateException("the index has no meaning vectors for every passage: " + engine.state());
            }
            for (int pass = -1; pass < passes; pass++) {
                for (int i = 0; i < queries.size(); i++) {
                    for (int k = 0; k < modes.length; k++) {
                        int m = (i + k + Math.max(pass, 0)) % modes.length;
                        long start = System.nanoTime();
                        try {
                            engine.search(SearchRequest.of(queries.get(i)).withMode(modes[m]));
                        } catch (BadQueryException refused) {
                            continue;
                        }
                        if (pass >= 0) {
                            recorders[m].add(System.nanoTime() - start);
                        }
                    }
                }
            }
        } finally {
            embedder.close();
        }
        System.out.printf(Locale.ROOT, "%d queries x %d passes (after one warm-up pass), ms:%n", queries.size(), passes);
        for (int m = 0; m < modes.length; m++) {
            Latencies l = recorders[m].latencies();
            System.out.printf(Locale.ROOT, "  %-9s p50 %6.2f  p90 %6.2f  p99 %6.2f  (%d searches)%n", modes[m].label(),
                    l.p50(), l.p90(), l.p99(), l.count());
        }
    }
}
