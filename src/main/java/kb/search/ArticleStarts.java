package kb.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import kb.index.Fields;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

/**
 * Finds a passage's article in the index without reading stored fields: an article's passages are written as one
 * block, first passage first, and Lucene keeps a block's doc ids adjacent and in order through merges, so the
 * article's first passage (the one that holds {@link Fields#ARTICLE_TEXT}) is the passage's doc id minus its
 * position. Also scores a query at given doc ids, in one pass per segment, and names a passage's article.
 */
final class ArticleStarts {
    /** No article start found (a passage whose block does not begin where its position says). */
    static final int NONE = -1;

    private ArticleStarts() {}

    /** For each doc id, the doc id of its article's first passage, or {@link #NONE}. */
    static int[] of(IndexSearcher searcher, int[] docs) throws IOException {
        int[] starts = new int[docs.length];
        Arrays.fill(starts, NONE);
        int[] order = sortedOrder(docs);
        int[] sorted = inOrder(docs, order);
        DocsByLeaf.forEach(searcher, sorted, (leaf, from, to) -> {
            NumericDocValues positions = leaf.reader().getNumericDocValues(Fields.POSITION);
            int lastStart = NONE;
            for (int k = from; k < to; k++) {
                // A doc id met twice (two ranked passages of the same doc never; the same start, often) reads once.
                if (k == from || sorted[k] != sorted[k - 1]) {
                    int local = sorted[k] - leaf.docBase;
                    lastStart = NONE;
                    if (positions != null && positions.advanceExact(local) && local - positions.longValue() >= 0) {
                        lastStart = leaf.docBase + local - (int) positions.longValue();
                    }
                }
                starts[order[k]] = lastStart;
            }
        });
        return starts;
    }

    /**
     * The score {@code query} gives each doc id (0 where it does not match, or for {@link #NONE}); the query is
     * rewritten and weighed once, each segment scored once in doc id order.
     */
    static float[] scores(IndexSearcher searcher, Query query, int[] docs) throws IOException {
        float[] scores = new float[docs.length];
        if (query == null || docs.length == 0) {
            return scores;
        }
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE, 1f);
        int[] order = sortedOrder(docs);
        int[] sorted = inOrder(docs, order);
        // NONE sorts first and belongs to no segment.
        int skip = 0;
        while (skip < sorted.length && sorted[skip] == NONE) {
            skip++;
        }
        int[] real = Arrays.copyOfRange(sorted, skip, sorted.length);
        int offset = skip;
        DocsByLeaf.forEach(searcher, real, (leaf, from, to) -> {
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) {
                return;
            }
            DocIdSetIterator it = scorer.iterator();
            for (int k = from; k < to; k++) {
                int local = real[k] - leaf.docBase;
                int at = it.docID() < local ? it.advance(local) : it.docID();
                if (at == local) {
                    scores[order[k + offset]] = scorer.score();
                }
            }
        });
        return scores;
    }

    /**
     * The article slug of a passage, from the facet doc values every passage has (its article's label), so that
     * naming an article costs a doc-values lookup rather than decompressing a block of stored fields; null when the
     * passage has none.
     */
    static String slugOf(IndexSearcher searcher, int doc) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        SortedSetDocValues labels = leaf.reader().getSortedSetDocValues(FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
        if (labels == null || !labels.advanceExact(doc - leaf.docBase)) {
            return null;
        }
        for (int i = 0; i < labels.docValueCount(); i++) {
            String[] path = FacetsConfig.stringToPath(labels.lookupOrd(labels.nextOrd()).utf8ToString());
            if (path.length == 2 && path[0].equals(Fields.ARTICLE)) {
                return path[1];
            }
        }
        return null;
    }

    /** Indices of {@code docs} in ascending doc id order (ties kept in input order). */
    private static int[] sortedOrder(int[] docs) {
        Integer[] order = new Integer[docs.length];
        for (int i = 0; i < docs.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> docs[i]));
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    /** {@code docs} in the order {@code order} gives. */
    private static int[] inOrder(int[] docs, int[] order) {
        int[] out = new int[order.length];
        for (int k = 0; k < order.length; k++) {
            out[k] = docs[order[k]];
        }
        return out;
    }
}
