package kb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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

    static List<ArticleHit> top(IndexSearcher searcher, ArticleTitles titles, ModeRanking.Ranked ranked,
            FacetCounter.Counted counted) throws IOException {
        QueryPlanner.Run run = ranked.plan().run();
        ScoreDoc[] articles = ArticleRanking.articles(searcher, run.articles(), ranked.forArticles(), RANKED,
                run.articleScores());
        // Named from doc values and the generation's titles: no stored fields are read for the block.
        List<ArticleHit> top = new ArrayList<>(SearchLimits.TOP_ARTICLES);
        for (int i = 0; i < articles.length && top.size() < SearchLimits.TOP_ARTICLES; i++) {
            FacetOrdinals.Valued article = counted.articleOf(searcher, articles[i].doc);
            if (article != null && article.count() > 0) {
                top.add(new ArticleHit(article.value(), titles.of(article.value()), articles[i].score, article.count()));
            }
        }
        return top;
    }
}
