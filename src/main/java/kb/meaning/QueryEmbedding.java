package kb.meaning;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A query's vector, computed on a thread of its own while the caller ranks by words: the model and the lexical
 * ranking need nothing of each other, so a search by meaning waits for the longer of the two rather than their sum.
 * The vector is of the text as typed; when spelling correction searches another text, that one is embedded instead,
 * on the caller's thread, and the early vector is dropped. Rule: the vector used is always the embedding of the
 * text searched, exactly as {@link Embedder#embedQuery} gives it.
 */
public final class QueryEmbedding {
    /** One thread per search by meaning in flight; idle threads end after a minute. Daemons: they never hold the JVM. */
    private static final ExecutorService THREADS = Executors.newCachedThreadPool(
            new PooledEmbedder.Workers("kb-query-vector-"));

    private final Embedder embedder;
    private final String text;
    private final Future<float[]> vector;

    private QueryEmbedding(Embedder embedder, String text) {
        this.embedder = embedder;
        this.text = text;
        this.vector = THREADS.submit(() -> embedder.embedQuery(text));
    }

    /** Starts embedding {@code text} now. */
    public static QueryEmbedding start(Embedder embedder, String text) {
        return new QueryEmbedding(embedder, text);
    }

    /** The vector of {@code searched}: the one computed ahead when it is the text started with. */
    public float[] of(String searched) {
        if (!searched.equals(text)) {
            vector.cancel(false);
            return embedder.embedQuery(searched);
        }
        try {
            return vector.get();
        } catch (InterruptedException e) {
            vector.cancel(false);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while embedding the query", e);
        } catch (ExecutionException e) {
            throw PooledEmbedder.failure(e);
        }
    }
}
