package kb.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.ScoreDoc;

/**
 * Fuses the ranking by words with the ranking by meaning: each list's scores are min-max normalised over its own
 * candidates (BM25 and cosine are on different scales), a passage scores {@code (1 - w) · words + w · meaning}
 * (0 for a list it is not in), and ties go to the lower doc id. The weight {@code w} was chosen by measuring
 * (README, Relevance).
 */
final class HybridRanking {
    /** How many candidates each list brings to the fusion; a page deeper than this brings that many. */
    static final int CANDIDATES = 100;
    /** The weight of meaning; see the README's Relevance section for the figures it was chosen on. */
    static final float MEANING_WEIGHT = 0.4f;

    private HybridRanking() {}

    static ScoreDoc[] fuse(ScoreDoc[] words, ScoreDoc[] meaning, float weight, int wanted) {
        Map<Integer, float[]> parts = new HashMap<>();
        normalised(words, parts, 0);
        normalised(meaning, parts, 1);
        List<ScoreDoc> fused = new ArrayList<>(parts.size());
        parts.forEach((doc, p) -> fused.add(new ScoreDoc(doc, (1 - weight) * p[0] + weight * p[1])));
        fused.sort(Comparator.comparingDouble((ScoreDoc sd) -> -sd.score).thenComparingInt(sd -> sd.doc));
        return fused.subList(0, Math.min(wanted, fused.size())).toArray(ScoreDoc[]::new);
    }

    private static void normalised(ScoreDoc[] docs, Map<Integer, float[]> into, int slot) {
        if (docs.length == 0) {
            return;
        }
        float max = Float.NEGATIVE_INFINITY;
        float min = Float.POSITIVE_INFINITY;
        for (ScoreDoc sd : docs) {
            max = Math.max(max, sd.score);
            min = Math.min(min, sd.score);
        }
        float range = max - min;
        for (ScoreDoc sd : docs) {
            float v = range > 0 ? (sd.score - min) / range : 1f;
            into.computeIfAbsent(sd.doc, d -> new float[2])[slot] = v;
        }
    }
}
