package kb.meaning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sentence offsets, and the sentence of a passage nearest a query. */
class SentencesTest {
    private static final String PASSAGE = "Ketamine is an NMDA receptor antagonist given by intravenous infusion. "
            + " It rained in Paris for most of the week, and the river rose.\n"
            + "Fluoxetine and sertraline are selective serotonin reuptake inhibitors.  ";

    private static Embedder embedder;

    @BeforeAll
    static void load() {
        embedder = Meaning.load(1).embedder().orElseThrow();
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    @Test
    void sentencesAreOffsetsTrimmedOfWhiteSpace() {
        List<Sentences.Span> spans = Sentences.split(PASSAGE);
        assertEquals(List.of("Ketamine is an NMDA receptor antagonist given by intravenous infusion.",
                "It rained in Paris for most of the week, and the river rose.",
                "Fluoxetine and sertraline are selective serotonin reuptake inhibitors."),
                spans.stream().map(span -> span.of(PASSAGE)).toList());
        assertEquals(new Sentences.Span(0, 70), spans.get(0));
        assertEquals(List.of(), Sentences.split(" \n — "));
    }

    @Test
    void theMostSimilarSentenceIsPicked() {
        // Measured with this model, sentence by sentence: 0.23 0.03 0.62; -0.04 0.59 -0.01; 0.43 -0.04 0.26.
        assertEquals("Fluoxetine and sertraline are selective serotonin reuptake inhibitors.",
                nearest("SSRI antidepressants"));
        assertEquals("It rained in Paris for most of the week, and the river rose.",
                nearest("flooding after heavy rain in France"));
        assertEquals("Ketamine is an NMDA receptor antagonist given by intravenous infusion.",
                nearest("glutamate receptor blocker through a drip"));
    }

    @Test
    void aPassageOfOneSentenceNeedsNoEmbedding() {
        Embedder refusing = new Embedder() {
            public int dimensions() {
                return 384;
            }

            public String modelId() {
                return "none";
            }

            public float[][] embed(List<String> texts) {
                throw new AssertionError("nothing to compare");
            }

            public float[] embedQuery(String query) {
                throw new AssertionError("nothing to compare");
            }

            public void close() {}
        };
        String text = "  One sentence only.  ";
        assertEquals("One sentence only.", Sentences.mostSimilar(refusing, text, new float[384]).of(text));
        assertEquals(new Sentences.Span(0, 0), Sentences.mostSimilar(refusing, "  ", new float[384]));
    }

    private static String nearest(String query) {
        return Sentences.mostSimilar(embedder, PASSAGE, embedder.embedQuery(query)).of(PASSAGE);
    }
}
