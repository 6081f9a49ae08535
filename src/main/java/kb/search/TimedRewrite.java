package kb.search;

import java.io.IOException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;

/**
 * Lucene's top-terms rewrite of a fuzzy, wildcard or range word, refused once the search is past its time limit:
 * building a fuzzy word's Levenshtein automata is work that no reader check interrupts (measured: most of a
 * five-fuzzy-word query on MedQuAD), so the limit is checked before each word in each field expands.
 */
final class TimedRewrite extends MultiTermQuery.RewriteMethod {
    private final MultiTermQuery.RewriteMethod inner;

    TimedRewrite(int maxExpansions) {
        this.inner = new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(maxExpansions);
    }

    @Override
    public Query rewrite(IndexReader reader, MultiTermQuery query) throws IOException {
        SearchTimeLimit.checkCurrentThread();
        return inner.rewrite(reader, query);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimedRewrite other && inner.equals(other.inner);
    }

    @Override
    public int hashCode() {
        return inner.hashCode();
    }
}
