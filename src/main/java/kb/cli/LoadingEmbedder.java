package kb.cli;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import kb.meaning.Embedder;
import kb.meaning.Meaning;

/**
 * The embedder handed over before the model has loaded: {@code kb serve}'s search engine, so opening the index never
 * waits for it, and {@code kb index}'s run, which needs the model only when a text is to be embedded. Rule: the
 * model's name and vector length are known without it; an embedding waits for the load, and fails with the reason
 * ({@link Meaning#message}) where the model did not load. {@link ModelGate} sends no search by meaning to the engine
 * before the model has loaded (and none at all where it cannot run), so a search finds the model there.
 */
final class LoadingEmbedder implements Embedder {
    private final Supplier<Meaning> model;

    /** The model {@code model} will hold, loaded elsewhere ({@code kb serve} loads it in the background). */
    LoadingEmbedder(CompletableFuture<Meaning> model) {
        this(model::join);
    }

    /** The model {@code model} gives (loading it, the first time), asked for only when a text is to be embedded. */
    LoadingEmbedder(Supplier<Meaning> model) {
        this.model = model;
    }

    private Embedder loaded() {
        Meaning m = model.get();
        return m.embedder().orElseThrow(() -> new IllegalStateException(m.message()));
    }

    @Override
    public void ready() {
        loaded();
    }

    @Override
    public int dimensions() {
        return Meaning.DIMENSIONS;
    }

    @Override
    public String modelId() {
        return Meaning.MODEL_ID;
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
