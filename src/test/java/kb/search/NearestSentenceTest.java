package kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import kb.meaning.Embedder;
import org.junit.jupiter.api.Test;

/**
 * The snippet of a passage found by meaning only is its sentence nearest the query, and a page never runs the model
 * on more than {@link NearestSentence#PER_PAGE} sentences, however many such passages it shows.
 */
class NearestSentenceTest {
    /** Two dimensions: a sentence with "ketamine" points along the query, any other across it. Counts the runs. */
    private static final class TwoWayEmbedder implements Embedder {
        final List<String> embedded = new ArrayList<>();

        @Override
        public int dimensions() {
            return 2;
        }

        @Override
        public String modelId() {
            return "two-way";
        }

        @Override
        public float[][] embed(List<String> texts) {
            return texts.stream().map(this::embedQuery).toArray(float[][]::new);
        }

        @Override
        public float[] embedQuery(String text) {
            embedded.add(text);
            return text.contains("ketamine") ? new float[] {1, 0} : new float[] {0, 1};
        }

        @Override
        public void close() {}
    }

    private static final float[] QUERY = {1, 0};

    private static SearchHit hit(String text, String kind) {
        return new SearchHit("p", "a", "Title", "", List.of(), kind, 1, text, MarkedText.plain(text), List.of(), null,
                List.of(), "", MatchedBy.MEANING, 1f);
    }

    /** {@code n} sentences, the one at {@code target} (from 0) naming ketamine. */
    private static String sentences(int n, int target) {
        return IntStream.range(0, n)
                .mapToObj(i -> i == target ? "Sentence " + i + " is about ketamine." : "Sentence " + i + " is about rain.")
                .collect(Collectors.joining(" "));
    }

    @Test
    void theSnippetIsTheSentenceNearestTheQuery() {
        TwoWayEmbedder embedder = new TwoWayEmbedder();
        SearchHit shown = new NearestSentence(embedder, QUERY, 1).asSnippet(hit(sentences(5, 3), "paragraph"));
        assertEquals("Sentence 3 is about ketamine.", shown.snippet().text());
        assertTrue(shown.snippet().marks().isEmpty(), "nothing is marked: no word matched");
        assertEquals(5, embedder.embedded.size());
    }

    @Test
    void aLongPassageIsJudgedByItsFirstSentences() {
        TwoWayEmbedder embedder = new TwoWayEmbedder();
        SearchHit shown = new NearestSentence(embedder, QUERY, 1).asSnippet(hit(sentences(20, 12), "paragraph"));
        assertEquals(NearestSentence.PER_PASSAGE, embedder.embedded.size());
        assertTrue(shown.snippet().text().startsWith("Sentence 0"), shown.snippet().text());
    }

    @Test
    void aPageOfManyMeaningOnlyPassagesSharesOneBudget() {
        TwoWayEmbedder embedder = new TwoWayEmbedder();
        int passages = 10;
        NearestSentence nearest = new NearestSentence(embedder, QUERY, passages);
        List<String> snippets = new ArrayList<>();
        for (int i = 0; i < passages; i++) {
            snippets.add(nearest.asSnippet(hit(sentences(8, 2), "paragraph")).snippet().text());
        }
        assertTrue(embedder.embedded.size() <= NearestSentence.PER_PAGE, embedder.embedded.size() + " sentences embedded");
        // An even share (32 / 10 = 3 each) still reaches the third sentence of every passage.
        assertEquals(List.of("Sentence 2 is about ketamine."), snippets.stream().distinct().toList());
    }

    @Test
    void whatAShortPassageLeavesGoesToTheNextOnes() {
        TwoWayEmbedder embedder = new TwoWayEmbedder();
        NearestSentence nearest = new NearestSentence(embedder, QUERY, 4);
        nearest.asSnippet(hit("Only one sentence here.", "paragraph"));
        // 32 left for 3 passages: 8 each (capped per passage), so the eighth sentence can still be chosen.
        SearchHit second = nearest.asSnippet(hit(sentences(9, 7), "paragraph"));
        assertEquals("Sentence 7 is about ketamine.", second.snippet().text());
    }

    @Test
    void aReferenceEntryIsShownWholeWithoutRunningTheModel() {
        TwoWayEmbedder embedder = new TwoWayEmbedder();
        String entry = "Zarate Jr, C. A., Singh, J. B. A randomized trial of an NMDA antagonist. Arch Gen Psychiatry.";
        SearchHit shown = new NearestSentence(embedder, QUERY, 1).asSnippet(hit(entry, "reference"));
        assertEquals(entry, shown.snippet().text());
        assertTrue(embedder.embedded.isEmpty());
    }
}
