package kb.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;

/**
 * Walks given doc ids (of one searcher's reader, in increasing order) segment by segment, for work that needs one
 * scorer or collector per segment: checking passages against a query, handing them to Lucene's facet counts.
 */
final class DocsByLeaf {
    /** The docs {@code docs[from]} to {@code docs[to - 1]}, all of them in {@code leaf}. */
    @FunctionalInterface
    interface Slice {
        void on(LeafReaderContext leaf, int from, int to) throws IOException;
    }

    private DocsByLeaf() {}

    static void forEach(IndexSearcher searcher, int[] docs, Slice slice) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int i = 0;
        while (i < docs.length) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[i], leaves));
            int end = leaf.docBase + leaf.reader().maxDoc();
            int from = i;
            while (i < docs.length && docs[i] < end) {
                i++;
            }
            slice.on(leaf, from, i);
        }
    }
}
