package kb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import kb.index.Fields;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;

/**
 * The articles block of a result page: the best {@value SearchLimits#TOP_ARTICLES} articles by
 * {@link ArticleRanking#articles} (the same ranking as {@code rank(..., byArticle)}), each with its count of matching
 * passages; an article none of whose passages matches (its words are spread over passages that each miss a required
 * word, or a filter leaves it out) is not shown.
 */
final class ArticleHits {
    /** Articles ranked to fill the block when some of the best have no matching passage. */
    private static final int RANKED = 4 * SearchLimits.TOP_ARTICLES;

    private ArticleHits() {}

    static List<ArticleHit> top(IndexSearcher searcher, ModeRanking.Ranked ranked, FacetCounter.Counted counted)
            throws IOException {
        ScoreDoc[] articles = ArticleRanking.articles(searcher, ranked.plan().run().articles(), ranked.forArticles(),
                RANKED);
        StoredFields stored = searcher.storedFields();
        List<ArticleHit> top = new ArrayList<>(SearchLimits.TOP_ARTICLES);
        for (int i = 0; i < articles.length && top.size() < SearchLimits.TOP_ARTICLES; i++) {
            Document doc = stored.document(articles[i].doc, Set.of(Fields.ARTICLE, Fields.TITLE));
            String slug = doc.get(Fields.ARTICLE);
            long passages = counted.passagesIn(slug);
            if (passages > 0) {
                top.add(new ArticleHit(slug, doc.get(Fields.TITLE), articles[i].score, passages));
            }
        }
        return top;
    }
}
