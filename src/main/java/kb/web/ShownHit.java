package kb.web;

import java.util.List;
import kb.search.SearchHit;

/**
 * A search hit as the results page shows it: {@code snippet} is HTML (escaped, matches in {@code <mark>}),
 * {@code url} lands on the passage inside its article with the query's matches marked, {@code sectionLabel} is the
 * section path as people read it.
 */
record ShownHit(String id, String title, List<String> sectionPath, String sectionLabel, String kind, Integer page,
        String snippet, String url, String citation) {

    static ShownHit of(SearchHit hit, String query) {
        return new ShownHit(hit.id(), hit.title(), hit.sectionPath(), SectionPaths.shown(hit.sectionPath()), hit.kind(),
                hit.page(), MarkedHtml.of(hit.snippet()), Links.passageInArticle(hit.article(), hit.id(), query),
                Citations.of(hit));
    }
}
