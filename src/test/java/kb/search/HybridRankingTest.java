package kb.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HybridRankingTest {
    private static ScoreDoc[] docs(float... docAndScore) {
        ScoreDoc[] out = new ScoreDoc[docAndScore.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = new ScoreDoc((int) docAndScore[2 * i], docAndScore[2 * i + 1]);
        }
        return out;
    }

    private static int[] ids(ScoreDoc[] docs) {
        return Arrays.stream(docs).mapToInt(sd -> sd.doc).toArray();
    }

    @Test
    void aPassageBothListsRankHighBeatsOneOnlyOneListRanksFirst() {
        ScoreDoc[] words = docs(1, 9f, 2, 8f, 3, 1f);
        ScoreDoc[] meaning = docs(4, 0.9f, 2, 0.85f, 5, 0.2f);
        ScoreDoc[] fused = HybridRanking.fuse(words, meaning, 0.4f, 10);
        assertEquals(2, fused[0].doc, "second in both lists beats first in one");
        assertEquals(5, fused.length, "every candidate of either list is ranked once");
    }

    @Test
    void weightZeroIsTheWordRankingAndWeightOneTheMeaningRanking() {
        ScoreDoc[] words = docs(1, 9f, 2, 8f, 3, 1f);
        ScoreDoc[] meaning = docs(3, 0.9f, 1, 0.5f, 7, 0.1f);
        assertArrayEquals(new int[] {1, 2, 3}, Arrays.copyOf(ids(HybridRanking.fuse(words, meaning, 0f, 10)), 3));
        // Min-max puts each list's last candidate at 0, level with absent ones: only the order above it is kept.
        assertArrayEquals(new int[] {3, 1}, Arrays.copyOf(ids(HybridRanking.fuse(words, meaning, 1f, 10)), 2));
    }

    @Test
    void scoresAreNormalisedPerListSoScaleDoesNotMatter() {
        ScoreDoc[] meaning = docs(2, 0.9f, 4, 0.5f, 1, 0.1f);
        int[] small = ids(HybridRanking.fuse(docs(1, 9f, 2, 1f, 3, 0.5f), meaning, 0.4f, 10));
        int[] large = ids(HybridRanking.fuse(docs(1, 9000f, 2, 1000f, 3, 500f), meaning, 0.4f, 10));
        assertArrayEquals(small, large);
        assertArrayEquals(new int[] {1}, ids(HybridRanking.fuse(docs(1, 9f), meaning, 0.4f, 1)), "cut at wanted");
    }

    @Test
    void theLastWordMatchStillOutranksAWeakMeaningOnlyCandidate() {
        // Two passages match the words; meaning brings a third that is only loosely related (its cosine is the
        // lowest of the candidates but one): it must not slip between or above the word matches.
        ScoreDoc[] words = docs(1, 5f, 2, 2f);
        ScoreDoc[] meaning = docs(1, 0.8f, 9, 0.45f, 2, 0.4f, 8, 0.1f);
        assertArrayEquals(new int[] {1, 2, 9, 8}, ids(HybridRanking.fuse(words, meaning, 0.4f, 10)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"single infusion\"", "title:ketamine", "midaz*", "midazolom~1", "ketamine AND placebo",
        "ketamine -NMDA", "+ketamine", "(a b)", "te?t", "[a TO b]", "ketamine^2"})
    void queriesWithSyntaxAreLexical(String query) {
        assertTrue(QuerySyntax.hasOperators(query), query);
    }

    @ParameterizedTest
    @ValueSource(strings = {"is ketamine safe?", "how fast does it work!", "out-of-body experiences", "SSRI", "0.5 mg/kg",
        "ketamine and placebo"})
    void plainWordsAndQuestionsAreNotSyntax(String query) {
        assertFalse(QuerySyntax.hasOperators(query), query);
    }
}
