package kb.testing;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import kb.meaning.Embedder;
import kb.meaning.Meaning;

/**
 * The real embedder for tests, loaded once per test JVM (loading takes about two seconds) and never closed (its
 * threads are daemons). {@link #counting()} wraps it to count the texts each test has embedded.
 */
public final class SharedMeaning {
    private static Embedder shared;

    private SharedMeaning() {}

    /** kb's model; fails the test where it cannot run. */
    public static synchronized Embedder embedder() {
        if (shared == null) {
            Meaning meaning = Meaning.load();
            if (!meaning.available()) {
                throw new AssertionError(meaning.message());
            }
            shared = meaning.embedder().orElseThrow();
        }
        return shared;
    }

    /** A fresh counting wrapper around the shared embedder. */
    public static Counting counting() {
        return new Counting(embedder(), embedder().modelId());
    }

    /**
     * Passes every call to the shared embedder and counts the texts given to {@link #embed}; {@code modelId} may
     * name another model (the vectors stay the same), to test what a model change does. Closing does nothing.
     */
    public static final class Counting implements Embedder {
        private final Embedder delegate;
        private final String modelId;
        private final AtomicInteger texts = new AtomicInteger();
        private final AtomicInteger calls = new AtomicInteger();

        public Counting(Embedder delegate, String modelId) {
            this.delegate = delegate;
            this.modelId = modelId;
        }

        /** The same embedder under another model id. */
        public Counting asModel(String otherModel) {
            return new Counting(delegate, otherModel);
        }

        /** Texts embedded since the last call (or since made), and starts counting again. */
        public int take() {
            calls.set(0);
            return texts.getAndSet(0);
        }

        public int calls() {
            return calls.get();
        }

        @Override
        public int dimensions() {
            return delegate.dimensions();
        }

        @Override
        public String modelId() {
            return modelId;
        }

        @Override
        public float[][] embed(List<String> batch) {
            texts.addAndGet(batch.size());
            calls.incrementAndGet();
            return delegate.embed(batch);
        }

        @Override
        public float[] embedQuery(String query) {
            return delegate.embedQuery(query);
        }

        @Override
        public void close() {
            // Shared by the whole test JVM.
        }
    }
}
