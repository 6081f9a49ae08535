package kb.cli;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import kb.meaning.Embedder;
import kb.meaning.Meaning;

/**
 * The embedder {@code kb serve} hands its search engine while the model is still loading, so opening the index and
 * answering the first searches never wait for it. Rule: it is only used for an index that did not have a vector for
 * every passage at start-up, whose searches are lexical until vectors are complete, which takes the loaded model;
 * a call made before the load has finished waits for it, and a call on a platform where the model cannot run fails
 * with the reason ({@link Meaning#message}).
 */
final class LoadingEmbedder implements Embedder {
    private final CompletableFuture<Meaning> model;

    LoadingEmbedder(CompletableFuture<Meaning> model) {
        this.model = model;
    }

    private Embedder loaded() {
        Meaning m = model.join();
        return m.embedder().orElseThrow(() -> new IllegalStateException(m.message()));
    }

    @Override
    public int dimensions() {
        return loaded().dimensions();
    }

    @Override
    public String modelId() {
        return loaded().modelId();
    }

    @Override
    public float[][] embed(List<String> texts) {
        return loaded().embed(texts);
    }

    @Override
    public float[] embedQuery(String query) {
        return loaded().embedQuery(query);
    }

    @Override
    public String textKey(String text) {
        return loaded().textKey(text);
    }

    /** The model's embedder is shared for the process ({@link MeaningOption#shared}); closing is its owner's. */
    @Override
    public void close() {
    }
}
