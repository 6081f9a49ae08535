package kb.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import kb.index.Analyzers;
import kb.index.Fields;
import kb.search.SnippetFormatter.Highlight;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * Marks a query's matches in passage text, from the offsets stored in the postings (no re-analysis for plain words):
 * for a result, the best {@value #SHOWN} sentences (grown to a readable length) plus every match's offsets; for
 * an article page, the whole text. Built once per index generation. The hits of a page are marked in one pass over
 * the texts the caller has already read from the stored fields (the highlighter would read each again), except for
 * a query with fuzzy, wildcard or prefix words: the highlighter re-analyses text for those, where no reader check
 * reaches, so they are marked one passage per call and the caller checks its time limit between passages.
 */
final class Snippets {
    static final int SHOWN = 2;
    private static final int MIN_CHARS = 160;
    /** Every sentence with a match is a passage, so that {@link Highlight#inText} has them all. */
    private static final int ALL_PASSAGES = 1_000;

    private final Marking sentences;
    /**
     * The same for a query of single words only: the words' postings are read directly, without rewriting the
     * query and asking its weight for matches in every passage (which phrases need, to mark a phrase as one match).
     */
    private final Marking termsOnly;
    private final Marking wholeText;

    Snippets(IndexSearcher searcher) {
        this.sentences = new Marking(sentencesBuilder(searcher));
        this.termsOnly = new Marking(sentencesBuilder(searcher).withWeightMatches(false));
        this.wholeText = new Marking(UnifiedHighlighter.builder(searcher, Analyzers.perField())
                .withFormatter(new SnippetFormatter(1))
                .withScorer(new SentenceScorer())
                .withBreakIterator(WholeBreakIterator::new)
                .withMaxLength(Integer.MAX_VALUE - 1));
    }

    private static UnifiedHighlighter.Builder sentencesBuilder(IndexSearcher searcher) {
        return UnifiedHighlighter.builder(searcher, Analyzers.perField())
                .withFormatter(new SnippetFormatter(SHOWN))
                .withMaxNoHighlightPassages(SHOWN)
                .withScorer(new SentenceScorer())
                // Whole sentences, grown to a readable length: initials ("Zarate Jr, C. A.") end no snippet.
                .withBreakIterator(() -> LengthGoalBreakIterator.createMinLength(
                        new SentenceBoundaries(BreakIterator.getSentenceInstance(Locale.ROOT)), MIN_CHARS, 0.5f));
    }

    /**
     * The snippet and match offsets of each result, in the order of {@code docIds}, each marked in
     * {@code texts[i]}, the passage's stored text; null where the highlighter has nothing.
     */
    Highlight[] ofHits(Query query, int[] docIds, String[] texts, SearchTimeLimit timeLimit) throws IOException {
        Highlight[] out = new Highlight[docIds.length];
        if (docIds.length == 0) {
            return out;
        }
        if (hasPatterns(query)) {
            for (int i = 0; i < docIds.length; i++) {
                timeLimit.check();
                out[i] = (Highlight) sentences.marks(new String[] {Fields.TEXT}, query, new int[] {docIds[i]},
                        new int[] {ALL_PASSAGES}, new String[] {texts[i]}).get(Fields.TEXT)[0];
            }
            return out;
        }
        Marking marking = hasPhrases(query) ? sentences : termsOnly;
        Object[] found = marking.marks(new String[] {Fields.TEXT}, query, docIds, new int[] {ALL_PASSAGES}, texts)
                .get(Fields.TEXT);
        for (int i = 0; i < out.length; i++) {
            out[i] = (Highlight) found[i];
        }
        return out;
    }

    /** Whether a query has anything but single-term queries: phrases, synonyms, multi-phrases. */
    static boolean hasPhrases(Query query) {
        boolean[] found = {false};
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query q, Term... terms) {
                found[0] |= !(q instanceof TermQuery);
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        return found[0];
    }

    /** Whether a query has a word that expands to many terms (fuzzy, wildcard, prefix, range). */
    static boolean hasPatterns(Query query) {
        boolean[] found = {false};
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTermsMatching(Query q, String field, Supplier<ByteRunAutomaton> automaton) {
                found[0] = true;
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        return found[0];
    }

    /** Each passage's whole text with its matches marked, in the order of {@code docIds}; null where none matched. */
    MarkedText[] wholeTexts(Query query, int[] docIds) throws IOException {
        int[] one = new int[] {1};
        Map<String, Object[]> marked = wholeText.marks(new String[] {Fields.TEXT}, query, docIds, one, null);
        Object[] found = marked.get(Fields.TEXT);
        MarkedText[] out = new MarkedText[docIds.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = found[i] == null ? null : ((Highlight) found[i]).snippet();
        }
        return out;
    }

    /**
     * The highlighter, answering with what {@link SnippetFormatter} made rather than with strings, and marking texts
     * it is given instead of reading them again. One instance serves every request of a generation, so the texts of
     * a call travel in a thread-local set for that call only.
     */
    private static final class Marking extends UnifiedHighlighter {
        private final ThreadLocal<Map<Integer, String>> given = new ThreadLocal<>();

        Marking(UnifiedHighlighter.Builder builder) {
            super(builder);
        }

        /** {@code texts}: the one field's text of each doc id, in their order; null to read them from the index. */
        Map<String, Object[]> marks(String[] fields, Query query, int[] docIds, int[] maxPassages, String[] texts)
                throws IOException {
            if (texts == null) {
                return highlightFieldsAsObjects(fields, query, docIds, maxPassages);
            }
            Map<Integer, String> byDoc = new HashMap<>(docIds.length * 2);
            for (int i = 0; i < docIds.length; i++) {
                byDoc.put(docIds[i], texts[i] == null ? "" : texts[i]);
            }
            given.set(byDoc);
            try {
                return highlightFieldsAsObjects(fields, query, docIds, maxPassages);
            } finally {
                given.remove();
            }
        }

        @Override
        protected FieldOffsetStrategy getOffsetStrategy(OffsetSource source, UHComponents components) {
            if (source == OffsetSource.POSTINGS) {
                return components.getHighlightFlags().contains(HighlightFlag.WEIGHT_MATCHES)
                        ? SegmentOffsets.wordsAndMatches(components) : SegmentOffsets.words(components);
            }
            return super.getOffsetStrategy(source, components);
        }

        @Override
        protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter,
                int cacheCharsThreshold) throws IOException {
            Map<Integer, String> byDoc = given.get();
            if (byDoc == null || fields.length != 1) {
                return super.loadFieldValues(fields, docIter, cacheCharsThreshold);
            }
            List<CharSequence[]> values = new ArrayList<>();
            // Cut at the highlighter's length limit, as its own stored-field reader does.
            int max = getMaxLength();
            for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
                String text = byDoc.getOrDefault(doc, "");
                values.add(new CharSequence[] {text.length() > max ? text.substring(0, max) : text});
            }
            return values;
        }
    }
}
