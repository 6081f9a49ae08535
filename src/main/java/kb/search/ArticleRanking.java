package kb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kb.index.Fields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

/**
 * Ranks in the light of whole articles. The article side of a query is its words (expansions included) over the
 * article's whole text ({@link Fields#ARTICLE_TEXT}, BM25 as for passages). A passage scores
 * {@code (1 - w) · p / max p + w · min(1, a / (c · max a))}: its own score and its article's, each over the best of
 * the lexical candidates, the article's capped so that every article about as strongly on the query as the best
 * (within {@code c}) counts alike and only its passage decides among them. An article scores
 * {@code (1 - v) · a / max a + v · its best passage / max}. The same formula serves a one-passage abstract and a
 * 200-passage PDF; the weights were chosen by measuring (README, Relevance).
 */
final class ArticleRanking {
    /**
     * How many lexical candidates are rescored: those the full weighting ranked ({@link SearchLimits#BEST_COUNTED});
     * a deeper page, or the meaning fusion ({@link HybridRanking#CANDIDATES}), rescores as many as it takes.
     */
    static final int RESCORED = SearchLimits.BEST_COUNTED;
    /** {@code w}: the share of the article in a passage's score. */
    static final float ARTICLE_WEIGHT = 0.6f;
    /** {@code c}: an article scoring this share of the best article's score or more counts as the best does. */
    static final float ARTICLE_CAP = 0.75f;
    /** {@code v}: the share of its best passage in an article's score. */
    static final float BEST_PASSAGE_WEIGHT = 0.8f;

    private ArticleRanking() {}

    /** The query's words, expansions included, over the article's whole text; null when no word searches text. */
    static Query articleQuery(Query words) {
        return words == null ? null : FieldQueries.retarget(words, Fields.TEXT, Fields.ARTICLE_TEXT);
    }

    /** How many lexical candidates to collect so that a ranking of {@code wanted} can be rescored. */
    static int candidates(int wanted) {
        return Math.max(wanted, RESCORED);
    }

    /**
     * Rescored passages, and the article scores that rescored them by the doc id of each article's first passage
     * (so that ranking the articles themselves does not score them again).
     */
    record Rescored(ScoreDoc[] passages, Map<Integer, Float> articles) {}

    /** The passages rescored with their articles' scores, best first (ties: lower doc id), all of them. */
    static Rescored rescore(IndexSearcher searcher, Query articleQuery, ScoreDoc[] passages) throws IOException {
        if (articleQuery == null || passages.length == 0) {
            return new Rescored(passages, Map.of());
        }
        int[] starts = ArticleStarts.of(searcher, docsOf(passages));
        float[] article = ArticleStarts.scores(searcher, articleQuery, starts);
        Map<Integer, Float> byStart = new HashMap<>();
        for (int i = 0; i < starts.length; i++) {
            if (starts[i] != ArticleStarts.NONE) {
                byStart.put(starts[i], article[i]);
            }
        }
        float[] scores = new float[passages.length];
        for (int i = 0; i < passages.length; i++) {
            scores[i] = passages[i].score;
        }
        float[] rescored = rescored(scores, article);
        ScoreDoc[] out = new ScoreDoc[passages.length];
        for (int i = 0; i < passages.length; i++) {
            out[i] = new ScoreDoc(passages[i].doc, rescored[i]);
        }
        return new Rescored(sorted(Arrays.asList(out)).toArray(ScoreDoc[]::new), byStart);
    }

    /**
     * The formula of a passage's score in the light of its article, for candidates given as their own scores and
     * their articles' scores (0 for an article its words do not match), in the same order: any engine's candidates.
     */
    static float[] rescored(float[] passages, float[] articles) {
        float maxP = 0;
        float maxA = 0;
        for (int i = 0; i < passages.length; i++) {
            maxP = Math.max(maxP, passages[i]);
            maxA = Math.max(maxA, articles[i]);
        }
        float[] out = new float[passages.length];
        for (int i = 0; i < passages.length; i++) {
            float a = Math.min(1f, ratio(articles[i], maxA) / ARTICLE_CAP);
            out[i] = (1 - ARTICLE_WEIGHT) * ratio(passages[i], maxP) + ARTICLE_WEIGHT * a;
        }
        return out;
    }

    /**
     * The best {@code depth} articles for the query, as their first passages' doc ids with the article score: the
     * articles of the ranked passages, each scored by its whole text and its best passage in {@code ranked}. Without
     * an article query (a query of filters only), an article scores as its best passage. {@code known}: article
     * scores found already, by first passage (the rescoring's), which are not computed again. Articles are not also
     * searched by their whole text alone: on every judged set that search added no article to the best 100 (README,
     * Relevance), and it was about 7% of a MedQuAD search.
     */
    static ScoreDoc[] articles(IndexSearcher searcher, Query articleQuery, ScoreDoc[] ranked, int depth,
            Map<Integer, Float> known) throws IOException {
        int[] starts = ArticleStarts.of(searcher, docsOf(ranked));
        Map<Integer, Float> best = new HashMap<>();
        for (int i = 0; i < ranked.length; i++) {
            if (starts[i] != ArticleStarts.NONE) {
                best.merge(starts[i], ranked[i].score, Math::max);
            }
        }
        Map<Integer, Float> byText = new HashMap<>();
        if (articleQuery != null) {
            for (Integer start : best.keySet()) {
                Float score = known.get(start);
                if (score != null) {
                    byText.put(start, score);
                }
            }
            int[] unscored = best.keySet().stream().filter(d -> !byText.containsKey(d)).mapToInt(Integer::intValue)
                    .toArray();
            float[] scores = ArticleStarts.scores(searcher, articleQuery, unscored);
            for (int i = 0; i < unscored.length; i++) {
                byText.put(unscored[i], scores[i]);
            }
        }
        List<Scored<Integer>> top = combined(best, byText, articleQuery != null, Integer::compare);
        ScoreDoc[] out = new ScoreDoc[Math.min(depth, top.size())];
        for (int i = 0; i < out.length; i++) {
            out[i] = new ScoreDoc(top.get(i).key(), top.get(i).score());
        }
        return out;
    }

    /** An article (by whatever key an engine has for it) and its score. */
    record Scored<K>(K key, float score) {}

    /**
     * The formula of an article's score, for articles given as their best passage's score in the ranking
     * ({@code best}) and their whole text's score ({@code byText}; without an article query an article scores as
     * its best passage): every article of either map that scores above 0, best first, ties by {@code ties}.
     */
    static <K> List<Scored<K>> combined(Map<K, Float> best, Map<K, Float> byText, boolean hasArticleQuery,
            Comparator<K> ties) {
        float v = hasArticleQuery ? BEST_PASSAGE_WEIGHT : 1f;
        float maxA = max(byText);
        float maxP = max(best);
        Set<K> all = new HashSet<>(best.keySet());
        all.addAll(byText.keySet());
        List<Scored<K>> out = new ArrayList<>(all.size());
        for (K key : all) {
            float s = (1 - v) * ratio(byText.getOrDefault(key, 0f), maxA) + v * ratio(best.getOrDefault(key, 0f), maxP);
            if (s > 0) {
                out.add(new Scored<>(key, s));
            }
        }
        out.sort(Comparator.comparingDouble((Scored<K> a) -> -a.score()).thenComparing(Scored::key, ties));
        return out;
    }

    /** The best {@code depth} articles of a ranking as slugs, as {@code rank(..., byArticle = true, ...)} answers. */
    static List<RankedId> rankedArticles(IndexSearcher searcher, ModeRanking.Ranked ranked, int depth)
            throws IOException {
        QueryPlanner.Run run = ranked.plan().run();
        ScoreDoc[] articles = articles(searcher, run.articles(), ranked.forArticles(), depth, run.articleScores());
        return StoredPassages.rankedIds(searcher, articles, Fields.ARTICLE, depth);
    }

    private static List<ScoreDoc> sorted(List<ScoreDoc> docs) {
        List<ScoreDoc> out = new ArrayList<>(docs);
        out.sort(Comparator.comparingDouble((ScoreDoc sd) -> -sd.score).thenComparingInt(sd -> sd.doc));
        return out;
    }

    private static int[] docsOf(ScoreDoc[] docs) {
        int[] ids = new int[docs.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = docs[i].doc;
        }
        return ids;
    }

    private static float max(Map<?, Float> scores) {
        float max = 0;
        for (float s : scores.values()) {
            max = Math.max(max, s);
        }
        return max;
    }

    private static float ratio(float v, float max) {
        return max > 0 ? v / max : 0;
    }
}
