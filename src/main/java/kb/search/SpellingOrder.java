package kb.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.LuceneLevenshteinDistance;

/**
 * The order of kb's embedded spelling ({@link Spelling#closeWords}: Lucene's {@link DirectSpellChecker} with its
 * defaults, two edits only when nothing is one edit away) for close words found elsewhere, with their document
 * frequencies over the whole index: a cluster's shards each find close words in their own terms, and this picks and
 * orders them as one index would. The checker keeps the {@code n × 5} closest words it inspects (closest first, then
 * in term order), those one edit away if there are any; it drops those under its accuracy; and it ranks the rest by
 * closeness, then frequency, then alphabetically. Closeness is
 * {@code 1 − edits / the shorter length}, edits counted as its automata do (transpositions are one edit), here by
 * {@link LuceneLevenshteinDistance}, which counts them the same way.
 */
final class SpellingOrder {
    private static final DirectSpellChecker DEFAULTS = new DirectSpellChecker();
    private static final LuceneLevenshteinDistance EDITS = new LuceneLevenshteinDistance();

    private record Scored(String word, int edits, float score, long freq) {}

    private SpellingOrder() {}

    /** The best {@code n} of {@code candidates} (word → index-wide document frequency) for the unknown {@code word}. */
    static List<String> best(String word, Map<String, Long> candidates, int n) {
        if (word.codePointCount(0, word.length()) < DEFAULTS.getMinQueryLength()) {
            return List.of();
        }
        int length = word.codePointCount(0, word.length());
        List<Scored> all = new ArrayList<>();
        for (Map.Entry<String, Long> c : candidates.entrySet()) {
            String w = c.getKey();
            if (c.getValue() <= 0 || w.equals(word) || w.isEmpty() || w.codePointAt(0) != word.codePointAt(0)) {
                continue;
            }
            int other = w.codePointCount(0, w.length());
            // The distance is the checker's closeness itself: 1 - edits / the shorter length.
            float score = EDITS.getDistance(word, w);
            int edits = Math.round((1f - score) * Math.min(length, other));
            if (edits < 1 || edits > DEFAULTS.getMaxEdits()) {
                continue;
            }
            all.add(new Scored(w, edits, score, c.getValue()));
        }
        int inspections = n * DEFAULTS.getMaxInspections();
        List<Scored> oneEdit = all.stream().filter(s -> s.edits() == 1).toList();
        List<Scored> inspected = closest(oneEdit.isEmpty() ? all : oneEdit, inspections);
        return inspected.stream().filter(s -> s.score() >= DEFAULTS.getAccuracy())
                .sorted(Comparator.comparingDouble((Scored s) -> -s.score()).thenComparingLong(s -> -s.freq())
                        .thenComparing(Scored::word))
                .limit(n).map(Scored::word).toList();
    }

    /** The {@code k} closest, ties in term (UTF-8 byte) order, as the checker's queue keeps them. */
    private static List<Scored> closest(List<Scored> scored, int k) {
        return scored.stream()
                .sorted(Comparator.comparingDouble((Scored s) -> -s.score())
                        .thenComparing(s -> new org.apache.lucene.util.BytesRef(s.word())))
                .limit(k).toList();
    }
}
