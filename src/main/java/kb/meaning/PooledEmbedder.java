package kb.meaning;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * kb's {@link Embedder}: a batch is spread over a fixed pool of worker threads ({@code kb-meaning-N}, daemons),
 * one text per model call, so a text's vector never depends on what it was batched with; a query is embedded on
 * its caller's thread, so a search never queues behind indexing. Rule: each model call computes on one thread
 * (ONNX Runtime's own thread pools are not used), so embedding takes at most {@link #threads()} cores plus one per
 * concurrent query; closing waits for running calls, then frees the model.
 */
final class PooledEmbedder implements Embedder {
    private final MiniLmModel model;
    private final ExecutorService pool;
    private final int threads;
    /** Model calls hold it shared; {@link #close()} takes it exclusively, so the session never closes mid-call. */
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    PooledEmbedder(MiniLmModel model, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("an embedder needs at least one worker thread, not " + threads);
        }
        this.model = model;
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(threads, new Workers("kb-meaning-"));
    }

    /** The number of worker threads batches are spread over. */
    int threads() {
        return threads;
    }

    @Override
    public int dimensions() {
        return MiniLmModel.DIMENSIONS;
    }

    @Override
    public String modelId() {
        return MiniLmModel.MODEL_ID;
    }

    @Override
    public float[][] embed(List<String> texts) {
        for (int i = 0; i < texts.size(); i++) {
            requireText(texts.get(i), "text " + i);
        }
        List<Future<float[]>> pending = new ArrayList<>(texts.size());
        try {
            for (String text : texts) {
                pending.add(pool.submit(() -> call(text)));
            }
            float[][] vectors = new float[texts.size()][];
            for (int i = 0; i < vectors.length; i++) {
                vectors[i] = pending.get(i).get();
            }
            return vectors;
        } catch (RejectedExecutionException e) {
            throw closedError();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while embedding", e);
        } catch (ExecutionException e) {
            throw failure(e);
        } catch (CancellationException e) {
            throw closedError();
        } finally {
            pending.forEach(future -> future.cancel(false));
        }
    }

    @Override
    public float[] embedQuery(String query) {
        return call(requireText(query, "the query"));
    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lifecycle.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                model.close();
            }
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    private float[] call(String text) {
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw closedError();
            }
            return model.embed(text);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** What a model call on another thread failed with, as it was thrown there (an Error is thrown as it is). */
    static RuntimeException failure(ExecutionException e) {
        if (e.getCause() instanceof RuntimeException runtime) {
            return runtime;
        }
        if (e.getCause() instanceof Error error) {
            throw error;
        }
        return new IllegalStateException("embedding failed: " + e.getCause(), e.getCause());
    }

    private static String requireText(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " is blank: there is nothing to embed");
        }
        return text;
    }

    private static IllegalStateException closedError() {
        return new IllegalStateException("the embedder is closed");
    }

    /** Names the threads ({@code prefix} and a number) and makes them daemons, so they never hold the JVM up. */
    static final class Workers implements ThreadFactory {
        private final String prefix;
        private final AtomicInteger count = new AtomicInteger();

        Workers(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
