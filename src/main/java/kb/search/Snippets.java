package kb.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.Locale;
import java.util.Map;
import kb.index.Analyzers;
import kb.index.Fields;
import kb.search.SnippetFormatter.Highlight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/**
 * Marks a query's matches in passage text, from the offsets stored in the postings (no re-analysis for plain words):
 * for a result, the best {@value #SHOWN} sentences (grown to a readable length) plus every match's offsets; for
 * an article page, the whole text. Built once per index generation; one passage per call, so the caller can check
 * its time limit between passages (the highlighter re-analyses text for fuzzy and wildcard words, where no reader
 * check reaches).
 */
final class Snippets {
    static final int SHOWN = 2;
    private static final int MIN_CHARS = 160;
    /** Every sentence with a match is a passage, so that {@link Highlight#inText} has them all. */
    private static final int ALL_PASSAGES = 1_000;

    private final Marking sentences;
    private final Marking wholeText;

    Snippets(IndexSearcher searcher) {
        this.sentences = new Marking(UnifiedHighlighter.builder(searcher, Analyzers.perField())
                .withFormatter(new SnippetFormatter(SHOWN))
                .withMaxNoHighlightPassages(SHOWN)
                // Whole sentences, grown to a readable length: initials ("Zarate Jr, C. A.") end no snippet.
                .withBreakIterator(() -> LengthGoalBreakIterator.createMinLength(
                        BreakIterator.getSentenceInstance(Locale.ROOT), MIN_CHARS, 0.5f)));
        this.wholeText = new Marking(UnifiedHighlighter.builder(searcher, Analyzers.perField())
                .withFormatter(new SnippetFormatter(1))
                .withBreakIterator(WholeBreakIterator::new)
                .withMaxLength(Integer.MAX_VALUE - 1));
    }

    /** The snippet and match offsets of one result; null when the highlighter has nothing for it. */
    Highlight ofHit(Query query, int docId) throws IOException {
        return (Highlight) sentences.marks(new String[] {Fields.TEXT}, query, new int[] {docId},
                new int[] {ALL_PASSAGES}).get(Fields.TEXT)[0];
    }

    /** Each passage's whole text with its matches marked, in the order of {@code docIds}; null where none matched. */
    MarkedText[] wholeTexts(Query query, int[] docIds) throws IOException {
        int[] one = new int[] {1};
        Map<String, Object[]> marked = wholeText.marks(new String[] {Fields.TEXT}, query, docIds, one);
        Object[] found = marked.get(Fields.TEXT);
        MarkedText[] out = new MarkedText[docIds.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = found[i] == null ? null : ((Highlight) found[i]).snippet();
        }
        return out;
    }

    /** The highlighter, answering with what {@link SnippetFormatter} made rather than with strings. */
    private static final class Marking extends UnifiedHighlighter {
        Marking(UnifiedHighlighter.Builder builder) {
            super(builder);
        }

        Map<String, Object[]> marks(String[] fields, Query query, int[] docIds, int[] maxPassages) throws IOException {
            return highlightFieldsAsObjects(fields, query, docIds, maxPassages);
        }
    }
}
