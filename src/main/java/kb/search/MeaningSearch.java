package kb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kb.index.Fields;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/**
 * Searches the passages' meaning vectors with Lucene's HNSW graph ({@link KnnFloatVectorQuery}): the passages
 * nearest a query vector, and a passage's nearest neighbours from other articles and from its own, each found by
 * its own filtered search. Vectors are unit length, so the
 * score Lucene gives for a dot product, {@code (1 + cos) / 2}, maps back to the cosine.
 */
final class MeaningSearch {
    private MeaningSearch() {}

    /** The vector of a passage (a top-level doc id), or empty when it has none. */
    static Optional<float[]> vectorOf(IndexReader reader, int docId) throws IOException {
        LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(docId, reader.leaves()));
        FloatVectorValues values = leaf.reader().getFloatVectorValues(Fields.VECTOR);
        int local = docId - leaf.docBase;
        if (values == null || values.advance(local) != local) {
            return Optional.empty();
        }
        return Optional.of(values.vectorValue().clone());
    }

    /** The {@code k} passages nearest {@code query} among those {@code filter} selects (null: all), best first. */
    static TopDocs nearest(IndexSearcher searcher, float[] query, int k, Query filter) throws IOException {
        return searcher.search(new KnnFloatVectorQuery(Fields.VECTOR, query, k, filter), k);
    }

    /** Lucene's dot-product score back to the cosine of two unit vectors. */
    static float cosine(float score) {
        return 2 * score - 1;
    }

    static RelatedPassages related(IndexSearcher searcher, int docId, int limit) throws IOException {
        Optional<float[]> vector = vectorOf(searcher.getIndexReader(), docId);
        if (vector.isEmpty()) {
            return RelatedPassages.NONE;
        }
        StoredFields stored = searcher.storedFields();
        String article = stored.document(docId, StoredPassages.HIT_FIELDS).get(Fields.ARTICLE);
        Query own = new TermQuery(new Term(Fields.ARTICLE, article));
        // Two searches of the graph, one per side: a long article would otherwise fill every place near its passages.
        Query others = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST)
                .add(own, BooleanClause.Occur.MUST_NOT).build();
        return new RelatedPassages(items(searcher, vector.get(), limit, others, docId),
                items(searcher, vector.get(), limit, own, docId));
    }

    private static List<RelatedPassages.Item> items(IndexSearcher searcher, float[] vector, int limit, Query filter,
            int self) throws IOException {
        StoredFields stored = searcher.storedFields();
        List<RelatedPassages.Item> items = new ArrayList<>(limit);
        for (ScoreDoc sd : nearest(searcher, vector, limit + 1, filter).scoreDocs) {
            if (sd.doc != self && items.size() < limit) {
                items.add(StoredPassages.related(stored.document(sd.doc, StoredPassages.HIT_FIELDS), cosine(sd.score)));
            }
        }
        return items;
    }
}
