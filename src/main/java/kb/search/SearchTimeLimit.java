package kb.search;

import java.time.Duration;
import org.apache.lucene.index.QueryTimeout;

/**
 * The time limit of one search, as Lucene's {@link QueryTimeout}: the deadline belongs to the thread running the
 * search, so one timeout object can sit on a shared reader ({@code ExitableDirectoryReader}, which stops term
 * enumeration in rewrites, spelling and highlighting) and a shared searcher ({@code IndexSearcher.setTimeout}, which
 * stops collection), while threads with no search under way (refresh, background builds) are never stopped.
 */
final class SearchTimeLimit implements QueryTimeout {
    /** kb's default: long enough for any query within the cost budget on MedQuAD, short enough to stay responsive. */
    static final Duration DEFAULT = Duration.ofSeconds(2);

    /** The running search's deadline and limit, in nanoseconds; one search at a time runs on a thread. */
    private static final ThreadLocal<long[]> CURRENT = new ThreadLocal<>();

    private final long limitNanos;

    SearchTimeLimit(Duration limit) {
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("the search time limit must be positive, not " + limit);
        }
        this.limitNanos = limit.toNanos();
    }

    Duration limit() {
        return Duration.ofNanos(limitNanos);
    }

    /** Starts the clock for a search on this thread; closing the scope stops it. Scopes do not nest. */
    Scope start() {
        CURRENT.set(new long[] {System.nanoTime() + limitNanos, limitNanos});
        return CURRENT::remove;
    }

    @Override
    public boolean shouldExit() {
        long[] d = CURRENT.get();
        return d != null && System.nanoTime() - d[0] > 0;
    }

    /** Throws when this thread's search is past its limit: Lucene's collector timeout returns partial results silently. */
    void check() {
        checkCurrentThread();
    }

    /** As {@link #check}, for code that has no handle on the service (a query's rewrite). */
    static void checkCurrentThread() {
        long[] d = CURRENT.get();
        if (d != null && System.nanoTime() - d[0] > 0) {
            throw new SearchTimeoutException(Duration.ofNanos(d[1]));
        }
    }

    /** What is left of this thread's search, at least 1 ms (a remote engine's own limit); the whole limit outside a search. */
    long remainingMillis() {
        long[] d = CURRENT.get();
        long left = d == null ? limitNanos : d[0] - System.nanoTime();
        return Math.max(1, left / 1_000_000);
    }

    /** A running search's clock. */
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
