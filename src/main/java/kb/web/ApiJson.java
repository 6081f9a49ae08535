package kb.web;

import java.util.List;
import kb.search.Expansion;
import kb.search.FacetCount;
import kb.search.MatchedBy;
import kb.search.PassageView;
import kb.search.RelatedPassages;
import kb.search.SearchHit;
import kb.search.SearchMode;
import kb.search.SearchPage;
import kb.search.Span;

/**
 * The JSON API's bodies, composed from the engine's records at the edge (see {@code web/static/openapi.json}):
 * snippets as escaped HTML with {@code <mark>}, {@code matches} as {@code [start, end]} offsets into {@code text}
 * (UTF-16 units, end exclusive), links and citations made here; {@code articles} are the articles the search is
 * about. Field names are the API's and stay as published; {@code mode} and {@code matchedBy} are the lower-case
 * labels ({@code lexical}, {@code words}…). A related passage carries no citation: its record lacks the authors and
 * date a citation needs (its {@code /api/passages/{id}} has it).
 */
final class ApiJson {
    private ApiJson() {}

    record Page(String query, long total, long wordMatches, boolean totalExact, long tookMs, int page, int size, List<Article> articles,
            List<Hit> hits, Facets facets, List<String> suggestions, String correctedQuery, List<Expansion> expansions,
            String mode) {}

    /** One of the articles the search is about; {@code url} is its page with the query's matches marked. */
    record Article(String slug, String title, float score, long passages, String url) {}

    record Hit(String id, String article, String title, String section, List<String> sectionPath, String kind,
            String text, String snippet, List<int[]> matches, String url, String citation, Integer page, String matchedBy,
            float score) {}

    record Facets(List<Facet> articles, List<Facet> sections) {}

    /** {@code label} is the article title, or the section path as shown. */
    record Facet(String value, String label, long count) {}

    record Passage(String id, String article, String title, String section, List<String> sectionPath, String kind,
            int ordinal, String text, String html, String url, String articleUrl, String citation, String sourceFile,
            Integer page, Related related) {}

    record Related(List<RelatedItem> otherArticles, List<RelatedItem> sameArticle) {}

    /** {@code text} is the opening of the passage ({@value #RELATED_TEXT} characters at most, cut at a word). */
    record RelatedItem(String id, String article, String title, List<String> sectionPath, String kind, Integer page,
            String text, float similarity, String url) {}

    static final int RELATED_TEXT = 240;

    static Page page(SearchPage p) {
        String shownQuery = p.correctedQuery() != null ? p.correctedQuery() : p.query();
        String queryPart = Links.queryPart(shownQuery);
        List<Hit> hits = p.hits().stream().map(h -> hit(h, queryPart)).toList();
        Facets facets = new Facets(p.facets().articles().stream().map(ApiJson::facet).toList(),
                p.facets().sections().stream().map(ApiJson::facet).toList());
        List<Article> articles = p.articles().stream().map(a -> new Article(a.slug(), a.title(), a.score(),
                a.passages(), Links.articleMarkedWith(a.slug(), queryPart))).toList();
        return new Page(p.query(), p.total(), p.byWords(), p.countsExact(), p.tookMs(), p.page(), p.size(), articles, hits, facets, p.didYouMean(),
                p.correctedQuery(), p.expansions(), (p.mode() == null ? SearchMode.LEXICAL : p.mode()).label());
    }

    static Passage passage(PassageView p, RelatedPassages related) {
        return new Passage(p.id(), p.article(), p.title(), p.section(), p.sectionPath(), p.kind(), p.ordinal(), p.text(),
                MarkedHtml.of(p.marked()), Links.passage(p.id()), Links.passageInArticle(p.article(), p.id(), null),
                Citations.of(p), p.sourceFile(), p.page(), new Related(items(related.otherArticles()),
                        items(related.sameArticle())));
    }

    private static List<RelatedItem> items(List<RelatedPassages.Item> items) {
        return items.stream().map(i -> new RelatedItem(i.id(), i.article(), i.title(), i.sectionPath(), i.kind(), i.page(),
                Excerpts.lead(i.text(), RELATED_TEXT), i.similarity(), Links.passageInArticle(i.article(), i.id(), null)))
                .toList();
    }

    /** {@code queryPart}: the shown query as its links carry it ({@link Links#queryPart}). */
    private static Hit hit(SearchHit h, String queryPart) {
        List<int[]> matches = h.matches().stream().map(ApiJson::pair).toList();
        return new Hit(h.id(), h.article(), h.title(), h.section(), h.sectionPath(), h.kind(), h.text(),
                MarkedHtml.of(h.snippet()), matches, Links.passageInArticleWith(h.article(), h.id(), queryPart), Citations.of(h),
                h.page(), (h.matchedBy() == null ? MatchedBy.WORDS : h.matchedBy()).label(), h.score());
    }

    static Facet facet(FacetCount f) {
        return new Facet(f.value(), SectionPaths.facetLabel(f), f.count());
    }

    private static int[] pair(Span s) {
        return new int[] {s.start(), s.end()};
    }
}
