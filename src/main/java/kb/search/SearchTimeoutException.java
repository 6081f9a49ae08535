package kb.search;

import java.time.Duration;

/**
 * A search ran past its time limit and was stopped: the server's limit, not the query's fault, so the web layer
 * answers 503 (try again, or narrow the query) rather than 400, and never shows results cut short.
 */
public final class SearchTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SearchTimeoutException(Duration limit) {
        super("The search took longer than the time limit (" + seconds(limit) + ") and was stopped. "
                + "Try again, or use fewer wildcard (*), fuzzy (~) or range words.");
    }

    private static String seconds(Duration limit) {
        long ms = limit.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }
}
