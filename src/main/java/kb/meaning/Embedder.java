package kb.meaning;

import java.util.List;

/**
 * Turns text into vectors that are near when the texts mean similar things. Rule: every vector has {@link
 * #dimensions()} floats and length 1 (compare by dot product); the same text always gives the bit-identical vector,
 * whatever it was embedded with, on whichever thread; texts must not be blank. Thread-safe; close it to free the
 * model and its threads.
 */
public interface Embedder extends AutoCloseable {
    /** The number of floats in every vector. */
    int dimensions();

    /** Names the model and whatever else changes vectors; part of every {@link TextKey}. */
    String modelId();

    /**
     * Loads whatever embedding waits for (an embedder handed over before its model has loaded), so that a caller
     * timing {@link #embed} times the embedding alone; nothing for an embedder that is ready from the start.
     */
    default void ready() {
    }

    /** The vectors of {@code texts}, in their order; the work is spread over the embedder's worker threads. */
    float[][] embed(List<String> texts);

    /** The vector of one query, computed on the calling thread, so a search never waits behind a batch. */
    float[] embedQuery(String query);

    /** Frees the model and stops the worker threads; calls after this throw {@link IllegalStateException}. */
    @Override
    void close();
}
