package kb.cli;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import kb.meaning.Embedder;
import kb.meaning.Meaning;

/**
 * The embedder {@code kb serve} hands its search engine before the model has loaded, so opening the index never
 * waits for it. Rule: {@link ModelGate} sends no search by meaning to the engine before the model has loaded (and
 * none at all where it cannot run), so a call here finds the model there; a call made earlier would wait for the
 * load, and one on a platform where the model cannot run fails with the reason ({@link Meaning#message}).
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

    /** The model's embedder is shared for the process ({@link MeaningOption#shared}); closing is its owner's. */
    @Override
    public void close() {
    }
}
