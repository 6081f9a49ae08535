package kb.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.ScoreDoc;

/**
 * Fuses the ranking by words with the ranking by meaning, whose scores are on different scales (BM25, cosine): the
 * words' scores are divided by the best one, so every lexical match keeps a share and the last one never sinks to
 * "no match" (min-max did that, and measured worse on the seed set and SciFact); the meaning candidates' are min-max
 * normalised. A passage scores {@code (1 - w) · words + w · meaning} (0 for a list it is not in); ties go to the
 * lower doc id. The weight {@code w} was chosen by measuring (README, Relevance).
 */
final class HybridRanking {
    /** How many candidates each list brings to the fusion; a page deeper than this brings that many. */
    static final int CANDIDATES = 100;
    /** The weight of meaning; see the README's Relevance section for the figures it was chosen on. */
    static final float MEANING_WEIGHT = 0.3f;

    private HybridRanking() {}

    static ScoreDoc[] fuse(ScoreDoc[] words, ScoreDoc[] meaning, float weight, int wanted) {
        Map<Integer, float[]> parts = new HashMap<>();
        normalised(words, parts, 0, false);
        normalised(meaning, parts, 1, true);
        List<ScoreDoc> fused = new ArrayList<>(parts.size());
        parts.forEach((doc, p) -> fused.add(new ScoreDoc(doc, (1 - weight) * p[0] + weight * p[1])));
        fused.sort(Comparator.comparingDouble((ScoreDoc sd) -> -sd.score).thenComparingInt(sd -> sd.doc));
        return fused.subList(0, Math.min(wanted, fused.size())).toArray(ScoreDoc[]::new);
    }

    private static void normalised(ScoreDoc[] docs, Map<Integer, float[]> into, int slot, boolean fromMin) {
        if (docs.length == 0) {
            return;
        }
        float max = Float.NEGATIVE_INFINITY;
        float min = Float.POSITIVE_INFINITY;
        for (ScoreDoc sd : docs) {
            max = Math.max(max, sd.score);
            min = Math.min(min, sd.score);
        }
        // Words: every match keeps a share (score / best), so the last lexical match never sinks to "no match".
        min = fromMin ? min : 0f;
        float range = max - min;
        for (ScoreDoc sd : docs) {
            float v = range > 0 ? (sd.score - min) / range : 1f;
            into.computeIfAbsent(sd.doc, d -> new float[2])[slot] = v;
        }
    }
}
