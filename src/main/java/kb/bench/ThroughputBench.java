package kb.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import kb.search.SearchLimits;

/**
 * The baseline's throughput in process: {@code threads} threads share one {@link BaselineSearch} (an {@code
 * IndexSearcher} and highlighter are thread-safe) and search one query after another for a fixed time, each from
 * its own starting point in the queries. This is what {@code /api/search} under as many clients is held against.
 */
public final class ThroughputBench {
    private ThroughputBench() {}

    /** Searches per second over all threads. */
    public static double baseline(BaselineSearch baseline, List<String> queries, int threads, double seconds)
            throws InterruptedException {
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
                        baseline.search(queries.get(i % queries.size()), SearchLimits.DEFAULT_PAGE_SIZE);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    n++;
                }
                done.addAndGet(n);
            }, "kb-bench-baseline-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }
}
