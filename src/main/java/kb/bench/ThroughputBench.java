package kb.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import kb.search.BadQueryException;
import kb.search.SearchEngine;
import kb.search.SearchLimits;
import kb.search.SearchRequest;

/**
 * Throughput in process: {@code threads} threads share one searcher (kb's {@link SearchEngine} or the {@link
 * BaselineSearch}; both are thread-safe) and search one query after another for a fixed time, each from its own
 * starting point in the queries. The baseline's figure is what {@code /api/search} under as many clients is held
 * against; kb's own shows how much of the gap is the search and how much is HTTP.
 */
public final class ThroughputBench {
    private ThroughputBench() {}

    /** One search, whatever it runs on. */
    @FunctionalInterface
    interface Search {
        void run(String query) throws IOException;
    }

    /** The baseline's searches per second over all threads. */
    public static double baseline(BaselineSearch baseline, List<String> queries, int threads, double seconds)
            throws InterruptedException {
        return run(q -> baseline.search(q, SearchLimits.DEFAULT_PAGE_SIZE), queries, threads, seconds);
    }

    /** kb's searches per second over all threads (page 1, 10 hits, every feature on); refused queries count too. */
    public static double kb(SearchEngine kb, List<String> queries, int threads, double seconds) throws InterruptedException {
        return run(q -> {
            try {
                kb.search(SearchRequest.of(q));
            } catch (BadQueryException refused) {
                // bench query sets hold only accepted queries; a refusal is still an answer
            }
        }, queries, threads, seconds);
    }

    private static double run(Search search, List<String> queries, int threads, double seconds) throws InterruptedException {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        AtomicLong done = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int offset = (int) ((long) t * queries.size() / threads);
            Thread worker = new Thread(() -> {
                long n = 0;
                for (int i = offset; System.nanoTime() < deadline; i++) {
                    try {
                        search.run(queries.get(i % queries.size()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    n++;
                }
                done.addAndGet(n);
            }, "kb-bench-throughput-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }
}
