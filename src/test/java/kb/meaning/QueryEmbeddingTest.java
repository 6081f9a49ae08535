package kb.meaning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A query's vector is made beside the lexical ranking, and is always the vector of the text finally searched: the
 * typed text's when nothing was corrected, the correction's otherwise, and the embedder's failure when it fails.
 */
class QueryEmbeddingTest {
    /** Vectors by text length; records the thread that embedded each text; "fail" throws. */
    private static final class RecordingEmbedder implements Embedder {
        final Map<String, String> threads = new ConcurrentHashMap<>();
        final CountDownLatch started = new CountDownLatch(1);

        @Override
        public int dimensions() {
            return 1;
        }

        @Override
        public String modelId() {
            return "length";
        }

        @Override
        public float[][] embed(List<String> texts) {
            return texts.stream().map(this::embedQuery).toArray(float[][]::new);
        }

        @Override
        public float[] embedQuery(String text) {
            threads.put(text, Thread.currentThread().getName());
            started.countDown();
            if (text.equals("fail")) {
                throw new IllegalStateException("the embedder is closed");
            }
            return new float[] {text.length()};
        }

        @Override
        public void close() {}
    }

    @Test
    void theTypedTextIsEmbeddedOnAnotherThreadWhileTheCallerGoesOn() throws Exception {
        RecordingEmbedder embedder = new RecordingEmbedder();
        QueryEmbedding ahead = QueryEmbedding.start(embedder, "midazolam");
        // The caller has not asked for the vector yet, and the model is already at work.
        assertEquals(true, embedder.started.await(10, TimeUnit.SECONDS));
        assertArrayEquals(new float[] {9}, ahead.of("midazolam"));
        assertNotEquals(Thread.currentThread().getName(), embedder.threads.get("midazolam"));
    }

    @Test
    void aCorrectedQueryIsEmbeddedAsCorrected() {
        RecordingEmbedder embedder = new RecordingEmbedder();
        QueryEmbedding ahead = QueryEmbedding.start(embedder, "midazolom ketamin");
        assertArrayEquals(new float[] {"midazolam ketamine".length()}, ahead.of("midazolam ketamine"));
        assertEquals(Thread.currentThread().getName(), embedder.threads.get("midazolam ketamine"));
    }

    @Test
    void theEmbeddersFailureReachesTheCallerAsItWas() {
        RecordingEmbedder embedder = new RecordingEmbedder();
        QueryEmbedding ahead = QueryEmbedding.start(embedder, "fail");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ahead.of("fail"));
        assertEquals("the embedder is closed", e.getMessage());
        assertSame(IllegalStateException.class, e.getClass());
    }
}
