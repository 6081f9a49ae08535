package kb.web;

import java.util.List;
import kb.search.Expansion;
import kb.search.FacetCount;
import kb.search.PassageView;
import kb.search.SearchHit;
import kb.search.SearchPage;
import kb.search.Span;

/**
 * The JSON API's bodies, composed from the engine's records at the edge (see {@code web/static/openapi.json}):
 * snippets as escaped HTML with {@code <mark>}, {@code matches} as {@code [start, end]} offsets into {@code text}
 * (UTF-16 units, end exclusive), links and citations made here. Field names are the API's and stay as published.
 */
final class ApiJson {
    private ApiJson() {}

    record Page(String query, long total, long tookMs, int page, int size, List<Hit> hits, Facets facets,
            List<String> suggestions, String correctedQuery, List<Expansion> expansions) {}

    record Hit(String id, String article, String title, String section, List<String> sectionPath, String kind,
            String text, String snippet, List<int[]> matches, String url, String citation, Integer page, float score) {}

    record Facets(List<Facet> articles, List<Facet> sections) {}

    /** {@code label} is the article title, or the section path as shown. */
    record Facet(String value, String label, long count) {}

    record Passage(String id, String article, String title, String section, List<String> sectionPath, String kind,
            int ordinal, String text, String html, String url, String articleUrl, String citation, String sourceFile,
            Integer page) {}

    static Page page(SearchPage p) {
        String shownQuery = p.correctedQuery() != null ? p.correctedQuery() : p.query();
        List<Hit> hits = p.hits().stream().map(h -> hit(h, shownQuery)).toList();
        Facets facets = new Facets(p.facets().articles().stream().map(ApiJson::facet).toList(),
                p.facets().sections().stream().map(ApiJson::facet).toList());
        return new Page(p.query(), p.total(), p.tookMs(), p.page(), p.size(), hits, facets, p.didYouMean(),
                p.correctedQuery(), p.expansions());
    }

    static Passage passage(PassageView p) {
        return new Passage(p.id(), p.article(), p.title(), p.section(), p.sectionPath(), p.kind(), p.ordinal(), p.text(),
                MarkedHtml.of(p.marked()), Links.passage(p.id()), Links.passageInArticle(p.article(), p.id(), null),
                Citations.of(p), p.sourceFile(), p.page());
    }

    private static Hit hit(SearchHit h, String query) {
        List<int[]> matches = h.matches().stream().map(ApiJson::pair).toList();
        return new Hit(h.id(), h.article(), h.title(), h.section(), h.sectionPath(), h.kind(), h.text(),
                MarkedHtml.of(h.snippet()), matches, Links.passageInArticle(h.article(), h.id(), query), Citations.of(h),
                h.page(), h.score());
    }

    static Facet facet(FacetCount f) {
        return new Facet(f.value(), SectionPaths.facetLabel(f), f.count());
    }

    private static int[] pair(Span s) {
        return new int[] {s.start(), s.end()};
    }
}
