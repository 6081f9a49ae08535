package kb.meaning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The embedder kb loads: vector shape, determinism, what is near what, and its life cycle. */
class EmbedderTest {
    private static Embedder embedder;

    @BeforeAll
    static void load() {
        Meaning meaning = Meaning.load(2);
        assertTrue(meaning.available(), meaning.message());
        embedder = meaning.embedder().orElseThrow();
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    @Test
    void vectorsHave384DimensionsAndLengthOne() {
        assertEquals(384, embedder.dimensions());
        float[][] vectors = embedder.embed(List.of("ketamine for treatment-resistant depression",
                "a", "Électroconvulsive therapy (ECT) — 1.5 mg/kg; 95% CI 0.2–0.7", "日本語のテキスト"));
        for (float[] vector : vectors) {
            assertEquals(384, vector.length);
            assertEquals(1.0, Vectors.norm(vector), 1e-5);
        }
    }

    @Test
    void theSameTextGivesTheBitIdenticalVectorAloneInABatchOnAnyThread() throws Exception {
        String text = "Ketamine produces rapid antidepressant effects in treatment-resistant depression.";
        float[] alone = embedder.embed(List.of(text))[0];
        float[] query = embedder.embedQuery(text);
        float[][] batch = embedder.embed(List.of("another passage first", text, "and one after it", text));
        assertArrayEquals(alone, query);
        assertArrayEquals(alone, batch[1]);
        assertArrayEquals(alone, batch[3]);
        assertEquals(Float.floatToRawIntBits(alone[0]), Float.floatToRawIntBits(batch[1][0]));

        ExecutorService callers = Executors.newFixedThreadPool(3);
        try {
            List<Future<float[]>> results = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                results.add(callers.submit(i % 2 == 0 ? () -> embedder.embedQuery(text)
                        : () -> embedder.embed(List.of("noise " + Math.random(), text))[1]));
            }
            for (Future<float[]> result : results) {
                assertArrayEquals(alone, result.get());
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void meaningIsNearerThanSharedTopic() {
        // Measured with this model: 0.577 against 0.228, and 0.596 against 0.364.
        assertNearer("selective serotonin reuptake inhibitor",
                "SSRI antidepressants such as fluoxetine", "ketamine infusion dose in mg/kg");
        assertNearer("heart attack", "myocardial infarction", "broken leg");
    }

    @Test
    void textIsCutAt256WordPiecesNot128() throws Exception {
        List<String> words = WordPieces.singlePieceWords(300);
        String text200 = String.join(" ", words.subList(0, 200));
        String first126 = String.join(" ", words.subList(0, 126)); // + [CLS] and [SEP]: 128 word pieces
        String text300 = String.join(" ", words);
        String first254 = String.join(" ", words.subList(0, 254)); // + [CLS] and [SEP]: 256 word pieces
        assertEquals(202, WordPieces.count(text200));
        assertEquals(128, WordPieces.count(first126));
        assertEquals(256, WordPieces.count(first254));

        assertFalse(Arrays.equals(embedder.embedQuery(text200), embedder.embedQuery(first126)),
                "the words after the 128th piece change the vector");
        assertArrayEquals(embedder.embedQuery(first254), embedder.embedQuery(text300),
                "the words after the 256th piece are cut");
        // The control: with the tokenizer as shipped (128), the same two texts give one vector.
        try (MiniLmModel shipped = MiniLmModel.load(128)) {
            assertArrayEquals(shipped.embed(first126), shipped.embed(text200));
        }
    }

    @Test
    void blankTextIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> embedder.embedQuery("  \n"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> embedder.embed(List.of("fine", "")));
        assertTrue(e.getMessage().contains("text 1"), e.getMessage());
        assertEquals(0, embedder.embed(List.of()).length);
    }

    @Test
    void textKeysNameTheModelAndTheText() {
        String key = TextKey.of(embedder.modelId(), "ketamine");
        assertTrue(key.matches("[0-9a-f]{64}"), key);
        assertEquals(key, TextKey.of("ketamine"));
        assertFalse(key.equals(TextKey.of("ketamine ")));
        assertFalse(key.equals(TextKey.of(embedder.modelId().replace("256", "128"), "ketamine")));
        assertTrue(embedder.modelId().startsWith("all-MiniLM-L6-v2-q/1.19.0-beta29/"), embedder.modelId());
        assertTrue(embedder.modelId().endsWith("256"), embedder.modelId());
    }

    @Test
    void aClosedEmbedderRefusesWork() {
        Embedder own = Meaning.load(1).embedder().orElseThrow();
        float[] before = own.embedQuery("ketamine");
        own.close();
        own.close();
        assertThrows(IllegalStateException.class, () -> own.embedQuery("ketamine"));
        assertThrows(IllegalStateException.class, () -> own.embed(List.of("ketamine", "esketamine")));
        assertArrayEquals(before, embedder.embedQuery("ketamine"), "another embedder is unaffected");
    }

    private static void assertNearer(String anchor, String near, String far) {
        float[][] v = embedder.embed(List.of(anchor, near, far));
        float nearScore = Vectors.dot(v[0], v[1]);
        float farScore = Vectors.dot(v[0], v[2]);
        assertTrue(nearScore > farScore + 0.1f, anchor + ": " + nearScore + " for '" + near + "', " + farScore
                + " for '" + far + "'");
    }
}
