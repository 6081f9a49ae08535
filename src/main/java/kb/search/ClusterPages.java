package kb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kb.index.Fields;
import org.apache.lucene.document.Document;

/**
 * One result page from a cluster's ranking ({@link ClusterRanking}), shaped as the embedded engine's
 * ({@link ResultPages}): the page's passages fetched once and marked by kb's own highlighter
 * ({@link LocalHighlights}); counts and facets from the ranked request, ordered as the embedded facets are (count,
 * then label); the articles block ranked by the same formula ({@link ArticleRanking#combined}).
 */
final class ClusterPages {
    /** Articles ranked to fill the block when some of the best have no matching passage (as {@link ArticleHits}). */
    private static final int RANKED_ARTICLES = 4 * SearchLimits.TOP_ARTICLES;

    private ClusterPages() {}

    static SearchPage page(ClusterGeneration gen, ClusterRanking.Plan plan, SearchRequest request,
            SearchTimeLimit timeLimit, long startNanos) throws BadQueryException, IOException {
        ClusterRanking.Run run = plan.run();
        int page = request.page();
        int size = request.size();
        List<ClusterQueries.Candidate> all = run.rescored();
        List<ClusterQueries.Candidate> shown = all.subList(Math.min(all.size(), (page - 1) * size),
                Math.min(all.size(), page * size));
        List<SearchHit> hits = hits(gen, run, shown, timeLimit);
        timeLimit.check();
        Map<String, Long> byArticle = run.ranked().byArticle();
        List<String> topArticles = top(byArticle);
        List<ArticleRanking.Scored<String>> ranked = ClusterRanking.articles(gen, run, RANKED_ARTICLES);
        List<String> titled = new ArrayList<>(topArticles);
        ranked.forEach(a -> titled.add(a.key()));
        Map<String, String> titles = gen.titles(titled.stream().distinct().toList());
        List<FacetCount> articles = new ArrayList<>();
        for (String slug : topArticles) {
            articles.add(new FacetCount(slug, titles.get(slug), List.of(), byArticle.get(slug)));
        }
        List<FacetCount> sections = new ArrayList<>();
        for (String key : top(run.ranked().bySection())) {
            List<String> path = Fields.sectionPath(key);
            sections.add(new FacetCount(key, path.get(path.size() - 1), path, run.ranked().bySection().get(key)));
        }
        List<ArticleHit> block = new ArrayList<>(SearchLimits.TOP_ARTICLES);
        for (int i = 0; i < ranked.size() && block.size() < SearchLimits.TOP_ARTICLES; i++) {
            String slug = ranked.get(i).key();
            long passages = byArticle.getOrDefault(slug, 0L);
            if (passages > 0) {
                block.add(new ArticleHit(slug, titles.get(slug), ranked.get(i).score(), passages));
            }
        }
        long total = run.ranked().total();
        long took = (System.nanoTime() - startNanos) / 1_000_000;
        return new SearchPage(request.query().strip(), total, took, page, size, hits, new Facets(articles, sections),
                plan.didYouMean(), plan.corrected(), run.forms().expansions(), SearchMode.LEXICAL, total, block);
    }

    private static List<SearchHit> hits(ClusterGeneration gen, ClusterRanking.Run run,
            List<ClusterQueries.Candidate> shown, SearchTimeLimit timeLimit) throws BadQueryException, IOException {
        List<Document> docs = gen.queries.passages(shown.stream().map(ClusterQueries.Candidate::id).toList());
        Map<String, Document> byId = new LinkedHashMap<>();
        docs.forEach(d -> byId.put(d.get(Fields.ID), d));
        List<ClusterQueries.Candidate> found = shown.stream().filter(c -> byId.containsKey(c.id())).toList();
        String[] texts = new String[found.size()];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = byId.get(found.get(i).id()).get(Fields.TEXT);
        }
        SnippetFormatter.Highlight[] marks;
        try (LocalHighlights local = new LocalHighlights(List.of(texts))) {
            marks = local.ofHits(run.forms().highlight(), texts, timeLimit);
        }
        List<SearchHit> hits = new ArrayList<>(found.size());
        for (int i = 0; i < texts.length; i++) {
            hits.add(StoredPassages.hit(byId.get(found.get(i).id()), marks[i], found.get(i).score(), MatchedBy.WORDS));
        }
        return hits;
    }

    /** The largest {@value SearchLimits#FACET_VALUES} values by count, ties by label, as Lucene's facets order them. */
    private static List<String> top(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, Long> e) -> -e.getValue())
                        .thenComparing(e -> new org.apache.lucene.util.BytesRef(e.getKey())))
                .limit(SearchLimits.FACET_VALUES).map(Map.Entry::getKey).toList();
    }
}
