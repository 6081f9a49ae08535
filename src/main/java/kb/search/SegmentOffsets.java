package kb.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.PostingsOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.util.BytesRef;

/**
 * The highlighter's two ways of finding matches in the postings ({@link Snippets}), each finding what Lucene's own
 * {@link PostingsOffsetStrategy} finds, with the work Lucene repeats for every passage done once per segment and
 * call: a word's lookup in the terms dictionary and the opening of its postings, and the weighing of the query.
 * The highlighter marks a call's passages in doc id order, so the postings only move forward.
 */
final class SegmentOffsets {
    private SegmentOffsets() {}

    /** For a query of single words: Lucene's strategy without its per-passage lookups. */
    static PostingsOffsetStrategy words(UHComponents components) {
        return new Words(components);
    }

    /**
     * For a query with phrases (Lucene's "weight matches" way, where a phrase is one match): the query's single
     * words read as {@link #words} reads them, reported as a weight reports them (each match counted once), and
     * only the rest of the query ({@link WordsAndTheRest}) weighed, once per segment, and asked for its matches in
     * each passage.
     */
    static PostingsOffsetStrategy wordsAndMatches(UHComponents components) {
        return new WordsAndMatches(components);
    }

    /** Words' postings in one segment, opened once and moved forward from passage to passage. */
    private static final class WordPostings {
        private LeafReader openedFor;
        private BytesRef[] openedTerms;
        private PostingsEnum[] postings;
        private int lastDoc = -1;

        /**
         * Adds to {@code out} an offsets enum for each of {@code terms} in {@code doc}; {@code freqOne}: each
         * reports a frequency of 1, as Lucene's enums of a weight's matches do, else the word's frequency in the doc.
         */
        void addAt(LeafReader reader, Terms index, BytesRef[] terms, int doc, boolean freqOne, List<OffsetsEnum> out)
                throws IOException {
            // Opened again for another segment, other words (the same array while a call lasts), or a passage not
            // after the last one marked (never, as the highlighter sorts them and a page holds each once): its
            // positions were read.
            if (reader != openedFor || terms != openedTerms || doc <= lastDoc) {
                TermsEnum lookup = index.iterator();
                postings = new PostingsEnum[terms.length];
                for (int i = 0; i < terms.length; i++) {
                    if (lookup.seekExact(terms[i])) {
                        postings[i] = lookup.postings(null, PostingsEnum.OFFSETS);
                    }
                }
                openedFor = reader;
                openedTerms = terms;
            }
            lastDoc = doc;
            for (int i = 0; i < terms.length; i++) {
                PostingsEnum p = postings[i];
                if (p == null) {
                    continue;
                }
                int at = p.docID() < doc ? p.advance(doc) : p.docID();
                if (at == doc) {
                    out.add(freqOne ? new OffsetsEnum.OfPostings(terms[i], 1, p) : new OffsetsEnum.OfPostings(terms[i], p));
                }
            }
        }
    }

    private static final class Words extends PostingsOffsetStrategy {
        private final WordPostings postings = new WordPostings();
        private LeafReader reading;

        Words(UHComponents components) {
            super(components);
        }

        @Override
        protected OffsetsEnum createOffsetsEnumFromReader(LeafReader reader, int doc) throws IOException {
            reading = reader;
            return super.createOffsetsEnumFromReader(reader, doc);
        }

        @Override
        protected void createOffsetsEnumsForTerms(BytesRef[] terms, Terms index, int doc, List<OffsetsEnum> results)
                throws IOException {
            postings.addAt(reading, index, terms, doc, false, results);
        }
    }

    private static final class WordsAndMatches extends PostingsOffsetStrategy {
        private final WordPostings postings = new WordPostings();
        private LeafReader weighedFor;
        /** The marked field's terms in the segment weighed for; null when it has none. */
        private Terms index;
        private BytesRef[] words;
        /** The weight of what is not a single word; null when nothing is. */
        private Weight rest;

        WordsAndMatches(UHComponents components) {
            super(components);
        }

        @Override
        protected void createOffsetsEnumsWeightMatcher(LeafReader reader, int docId, List<OffsetsEnum> results)
                throws IOException {
            if (reader != weighedFor) {
                // Lucene weighs the query again for every passage, so that it can map other fields onto the marked
                // one, which kb's queries, already cut to the text field, never need.
                IndexSearcher segment = new IndexSearcher(reader);
                segment.setQueryCache(null);
                WordsAndTheRest cut = WordsAndTheRest.of(segment.rewrite(components.getQuery()), getField());
                words = cut.words().toArray(BytesRef[]::new);
                Query others = cut.rest() == null ? null : segment.rewrite(cut.rest());
                rest = others == null ? null : others.createWeight(segment, ScoreMode.COMPLETE_NO_SCORES, 1f);
                index = reader.terms(getField());
                weighedFor = reader;
            }
            if (index != null && words.length > 0) {
                postings.addAt(reader, index, words, docId, true, results);
            }
            Matches matches = rest == null ? null : rest.matches(reader.getContext(), docId);
            if (matches == null) {
                return;
            }
            for (String field : matches) {
                if (components.getFieldMatcher().test(field)) {
                    MatchesIterator iterator = matches.getMatches(field);
                    if (iterator != null) {
                        results.add(new OffsetsEnum.OfMatchesIteratorWithSubs(iterator));
                    }
                }
            }
        }
    }
}
