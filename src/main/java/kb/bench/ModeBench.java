package kb.bench;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import kb.meaning.Embedder;
import kb.search.BadQueryException;
import kb.search.SearchEngine;
import kb.search.SearchMode;
import kb.search.SearchRequest;

/**
 * Search latency in each mode (lexical, hybrid, semantic: page 1, 10 hits, every feature on) over an index whose
 * passages all have meaning vectors, and the latency of embedding one query on the calling thread, as a search does.
 * Rule: the modes and the embedding take turns query by query, starting from a different one each pass, so none
 * always runs right after another warms the caches; warm-up passes are not recorded.
 */
public final class ModeBench {
    private ModeBench() {}

    /** Each mode's series, and the query embedding's. */
    public record Result(Map<SearchMode, Latencies> modes, Latencies embedding) {}

    public static Result run(SearchEngine engine, Embedder embedder, List<String> queries, int warmup, int passes) {
        SearchMode[] modes = SearchMode.values();
        int steps = modes.length + 1;
        Latencies.Recorder[] recorders = new Latencies.Recorder[steps];
        for (int s = 0; s < steps; s++) {
            recorders[s] = new Latencies.Recorder();
        }
        long checksum = 0;
        for (int pass = 0; pass < warmup + passes; pass++) {
            for (int i = 0; i < queries.size(); i++) {
                for (int k = 0; k < steps; k++) {
                    int s = (i + k + pass) % steps;
                    long start = System.nanoTime();
                    checksum += s == modes.length ? embedder.embedQuery(queries.get(i)).length
                            : search(engine, queries.get(i), modes[s]);
                    if (pass >= warmup) {
                        recorders[s].add(System.nanoTime() - start);
                    }
                }
            }
        }
        if (checksum < 0) {
            throw new IllegalStateException("impossible checksum " + checksum);
        }
        Map<SearchMode, Latencies> byMode = new EnumMap<>(SearchMode.class);
        for (int m = 0; m < modes.length; m++) {
            byMode.put(modes[m], recorders[m].latencies());
        }
        return new Result(byMode, recorders[modes.length].latencies());
    }

    private static int search(SearchEngine engine, String query, SearchMode mode) {
        try {
            return engine.search(SearchRequest.of(query).withMode(mode)).hits().size();
        } catch (BadQueryException refused) {
            return 0;
        }
    }
}
