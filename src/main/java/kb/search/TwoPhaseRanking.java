package kb.search;

import java.io.IOException;
import java.util.Arrays;
import kb.index.Fields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/**
 * Ranks in two phases. The first pass is the query's words and expansions over the stemmed text, titles and
 * headings, each field at kb's weight but summed rather than the best of them (DisMax), without the unstemmed
 * exact-form field and without the proximity bonus (the caller passes the words without it,
 * {@link QueryExpander.Expanded#highlight}). It selects exactly the passages the full query selects (an exact form
 * is always also in the stemmed text, and the bonus only re-ranks passages the words match), and it is one flat
 * disjunction of term queries, which Lucene prunes well (block-max) to its best {@link #FIRST_PASS}. The full weighting then scores only those ({@link QueryRescorer}), and the full score
 * alone orders them, so wherever a query matches no more than {@link #FIRST_PASS} passages the ranking is the full
 * one exactly.
 */
final class TwoPhaseRanking {
    /**
     * How many passages the first pass keeps for the full weighting, at least the ranking asked for. 300: keeping 100
     * (as many as the article-aware rescoring takes) lost passages the full weighting ranks in its top 100 (long
     * documents, passage nDCG@10 0.5847 to 0.5787, Recall@100 0.8918 to 0.8699); 200 lost some (0.5830); 300 and 500
     * gave the single-pass figures on every judged set (README, Performance).
     */
    static final int FIRST_PASS = 300;

    private TwoPhaseRanking() {}

    /**
     * {@code words} (the query without its proximity bonus) without the exact-form clauses: the cheap first pass,
     * which also counts; {@code words} itself when nothing is left without them.
     */
    static Query firstPass(Query words) {
        Query lean = FieldQueries.without(words, Fields.TEXT_EXACT);
        return FieldQueries.summed(lean == null ? words : lean);
    }

    /**
     * The best {@code wanted} passages for {@code full}: {@code first} (which must select the same passages) ranks,
     * keeping {@code max(wanted, FIRST_PASS)}, then {@code full} scores those and orders them (ties: lower doc id
     * first, as a single pass orders them). The total is the first pass's, counted up to {@code hitsThreshold}.
     */
    static TopDocs rank(IndexSearcher searcher, Query first, Query full, int wanted, int hitsThreshold)
            throws IOException {
        int kept = Math.max(wanted, FIRST_PASS);
        TopDocs top = searcher.search(first, new TopScoreDocCollectorManager(kept, null, hitsThreshold));
        if (first == full || top.scoreDocs.length == 0) {
            return top.scoreDocs.length <= wanted ? top
                    : new TopDocs(top.totalHits, Arrays.copyOf(top.scoreDocs, wanted));
        }
        TopDocs rescored = new FullWeighting(full).rescore(searcher, top, wanted);
        return new TopDocs(top.totalHits, rescored.scoreDocs);
    }

    /** The second phase: a candidate's score is the full query's alone, never mixed with the first pass's. */
    private static final class FullWeighting extends QueryRescorer {
        FullWeighting(Query full) {
            super(full);
        }

        @Override
        protected float combine(float firstPassScore, boolean secondPassMatches, float secondPassScore) {
            return secondPassMatches ? secondPassScore : 0f;
        }
    }
}
