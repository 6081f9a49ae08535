package kb.solr.plugin;

import kb.index.Ranking;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.solr.schema.SimilarityFactory;

/**
 * kb's {@link Ranking#similarity()} as a Solr schema's similarity, so the cluster scores with the same BM25
 * parameters as the embedded index; they are written only in {@link Ranking}, never repeated in the schema.
 */
public final class KbSimilarityFactory extends SimilarityFactory {
    @Override
    public Similarity getSimilarity() {
        return Ranking.similarity();
    }
}
