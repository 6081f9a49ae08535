package kb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import kb.meaning.Embedder;
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

    static SearchPage page(ClusterGeneration gen, ClusterModes.Ranked ranked, Embedder embedder, SearchRequest request,
            SearchTimeLimit timeLimit, long startNanos) throws BadQueryException, IOException {
        ClusterRanking.Run run = ranked.plan().run();
        int page = request.page();
        int size = request.size();
        List<ClusterQueries.Candidate> all = ranked.docs();
        List<ClusterQueries.Candidate> shown = all.subList(Math.min(all.size(), (page - 1) * size),
                Math.min(all.size(), page * size));
        Set<String> meaningOnly = meaningOnly(gen, run, ranked, request);
        List<SearchHit> hits = hits(gen, ranked, embedder, meaningOnly, shown, timeLimit);
        timeLimit.check();
        List<ArticleRanking.Scored<String>> articles = ClusterRanking.articles(gen, run, ranked.forArticles(),
                RANKED_ARTICLES);
        // Counts and facets cover every word match plus the meaning candidates, as the embedded union query does.
        Map<String, Long> byArticle = new LinkedHashMap<>();
        Map<String, Long> bySection = new LinkedHashMap<>();
        long lexical = run.ranked().total();
        long total;
        if (ranked.mode() == SearchMode.SEMANTIC) {
            ranked.near().values().forEach(n -> add(byArticle, bySection, n));
            total = ranked.near().size();
        } else {
            byArticle.putAll(run.ranked().byArticle());
            bySection.putAll(run.ranked().bySection());
            // The word matches of the articles and sections the page names beyond the largest: the block's
            // articles, and the places of passages found by meaning alone (which may lift them into the facets).
            Set<String> slugs = new LinkedHashSet<>();
            Set<String> sectionKeys = new LinkedHashSet<>();
            articles.forEach(a -> slugs.add(a.key()));
            for (String id : meaningOnly) {
                ClusterVectors.Near n = ranked.near().get(id);
                slugs.add(n.article());
                if (!n.section().isEmpty()) {
                    sectionKeys.add(n.section());
                }
            }
            slugs.removeAll(byArticle.keySet());
            sectionKeys.removeAll(bySection.keySet());
            ClusterQueries.Counts more = gen.queries.countsIn(run.text(), request.article(), request.section(),
                    run.expansions(), slugs, sectionKeys);
            more.articles().forEach((k, v) -> { if (v > 0) byArticle.put(k, v); });
            more.sections().forEach((k, v) -> { if (v > 0) bySection.put(k, v); });
            meaningOnly.forEach(id -> add(byArticle, bySection, ranked.near().get(id)));
            total = lexical + meaningOnly.size();
        }
        List<String> topArticles = top(byArticle);
        List<String> titled = new ArrayList<>(topArticles);
        articles.forEach(a -> titled.add(a.key()));
        Map<String, String> titles = gen.titles(titled.stream().distinct().toList());
        List<FacetCount> articleFacets = new ArrayList<>();
        for (String slug : topArticles) {
            articleFacets.add(new FacetCount(slug, titles.get(slug), List.of(), byArticle.get(slug)));
        }
        List<FacetCount> sections = new ArrayList<>();
        for (String key : top(bySection)) {
            List<String> path = Fields.sectionPath(key);
            sections.add(new FacetCount(key, path.get(path.size() - 1), path, bySection.get(key)));
        }
        List<ArticleHit> block = new ArrayList<>(SearchLimits.TOP_ARTICLES);
        for (int i = 0; i < articles.size() && block.size() < SearchLimits.TOP_ARTICLES; i++) {
            String slug = articles.get(i).key();
            long passages = byArticle.getOrDefault(slug, 0L);
            if (passages > 0) {
                block.add(new ArticleHit(slug, titles.get(slug), articles.get(i).score(), passages));
            }
        }
        long byWords = ranked.mode() == SearchMode.HYBRID ? total - meaningOnly.size() : lexical;
        long took = (System.nanoTime() - startNanos) / 1_000_000;
        ClusterRanking.Plan plan = ranked.plan();
        return new SearchPage(request.query().strip(), total, took, page, size, hits,
                new Facets(articleFacets, sections), plan.didYouMean(), plan.corrected(), run.forms().expansions(),
                ranked.mode(), byWords, block);
    }

    private static void add(Map<String, Long> byArticle, Map<String, Long> bySection, ClusterVectors.Near n) {
        byArticle.merge(n.article(), 1L, Long::sum);
        if (!n.section().isEmpty()) {
            bySection.merge(n.section(), 1L, Long::sum);
        }
    }

    /** The meaning candidates that match none of the words. */
    private static Set<String> meaningOnly(ClusterGeneration gen, ClusterRanking.Run run, ClusterModes.Ranked ranked,
            SearchRequest request) throws BadQueryException {
        if (ranked.mode() == SearchMode.LEXICAL) {
            return Set.of();
        }
        Set<String> matched = gen.queries.matching(run.text(), request.article(), request.section(), run.expansions(),
                ranked.near().keySet());
        Set<String> only = new HashSet<>(ranked.near().keySet());
        only.removeAll(matched);
        return only;
    }

    private static List<SearchHit> hits(ClusterGeneration gen, ClusterModes.Ranked ranked, Embedder embedder,
            Set<String> meaningOnly, List<ClusterQueries.Candidate> shown, SearchTimeLimit timeLimit)
            throws BadQueryException, IOException {
        List<Document> docs = gen.stored.passages(shown.stream().map(ClusterQueries.Candidate::id).toList());
        Map<String, Document> byId = new LinkedHashMap<>();
        docs.forEach(d -> byId.put(d.get(Fields.ID), d));
        List<ClusterQueries.Candidate> found = shown.stream().filter(c -> byId.containsKey(c.id())).toList();
        String[] texts = new String[found.size()];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = byId.get(found.get(i).id()).get(Fields.TEXT);
        }
        SnippetFormatter.Highlight[] marks;
        try (LocalHighlights local = new LocalHighlights(List.of(texts))) {
            marks = local.ofHits(ranked.plan().run().forms().highlight(), texts, timeLimit);
        }
        MatchedBy[] by = new MatchedBy[found.size()];
        int byMeaningOnly = 0;
        for (int i = 0; i < by.length; i++) {
            String id = found.get(i).id();
            by[i] = !ranked.near().containsKey(id) ? MatchedBy.WORDS
                    : meaningOnly.contains(id) ? MatchedBy.MEANING : MatchedBy.BOTH;
            byMeaningOnly += by[i] == MatchedBy.MEANING ? 1 : 0;
        }
        NearestSentence nearest = new NearestSentence(embedder, ranked.vector(), byMeaningOnly);
        List<SearchHit> hits = new ArrayList<>(found.size());
        for (int i = 0; i < texts.length; i++) {
            SearchHit hit = StoredPassages.hit(byId.get(found.get(i).id()), marks[i], found.get(i).score(), by[i]);
            if (by[i] == MatchedBy.MEANING) {
                timeLimit.check();
                hit = nearest.asSnippet(hit);
            }
            hits.add(hit);
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
