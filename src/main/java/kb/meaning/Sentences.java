package kb.meaning;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A passage's sentences, and the one nearest a query vector (for a snippet that is the passage's most similar
 * sentence). Rule: sentences are found with {@link BreakIterator#getSentenceInstance(Locale)} for {@link
 * Locale#ROOT}, as kb's lexical snippets are, and given as offsets into the passage, trimmed of white space; a
 * stretch with no letter or digit is no sentence; a passage of one sentence is answered without embedding.
 */
public final class Sentences {
    /** The characters {@code [start, end)} of a passage. */
    public record Span(int start, int end) {
        public Span {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("no span from " + start + " to " + end);
            }
        }

        /** This span's text within {@code text}. */
        public String of(String text) {
            return text.substring(start, end);
        }
    }

    private Sentences() {}

    /** The sentences of {@code text}, in order. */
    public static List<Span> split(String text) {
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
        sentences.setText(text);
        List<Span> spans = new ArrayList<>();
        int start = sentences.first();
        for (int end = sentences.next(); end != BreakIterator.DONE; start = end, end = sentences.next()) {
            int from = start;
            int to = end;
            while (from < to && Character.isWhitespace(text.charAt(from))) {
                from++;
            }
            while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
                to--;
            }
            if (hasLetterOrDigit(text, from, to)) {
                spans.add(new Span(from, to));
            }
        }
        return spans;
    }

    /**
     * The sentence of {@code text} whose vector is nearest {@code query} (the first of equals); its only sentence
     * when it has one (nothing is embedded), the empty span at 0 when it has none. The sentences are embedded on
     * the calling thread, as a query is ({@link Embedder#embedQuery}), so a search never waits behind indexing.
     */
    public static Span mostSimilar(Embedder embedder, String text, float[] query) {
        List<Span> spans = split(text);
        return spans.isEmpty() ? new Span(0, 0) : mostSimilar(embedder, text, spans, query);
    }

    /** Of {@code candidates} (spans of {@code text}, at least one), the nearest {@code query}; one is not embedded. */
    public static Span mostSimilar(Embedder embedder, String text, List<Span> candidates, float[] query) {
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        int best = 0;
        float bestScore = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < candidates.size(); i++) {
            float score = Vectors.dot(embedder.embedQuery(candidates.get(i).of(text)), query);
            if (score > bestScore) {
                best = i;
                bestScore = score;
            }
        }
        return candidates.get(best);
    }

    private static boolean hasLetterOrDigit(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
