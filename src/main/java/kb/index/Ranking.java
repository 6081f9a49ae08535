package kb.index;

import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;

/**
 * How passages are scored, in one place for the writer and every searcher: BM25 with k1 = 1.2 and b = 0.4. A low
 * b suits passages, whose length says little about relevance; the figures behind the choice are in the README.
 */
public final class Ranking {
    public static final float K1 = 1.2f;
    public static final float B = 0.4f;

    private Ranking() {}

    public static Similarity similarity() {
        return new BM25Similarity(K1, B);
    }
}
