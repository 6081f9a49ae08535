package kb.web;

import java.util.List;
import kb.search.MatchedBy;
import kb.search.SearchHit;

/**
 * A search hit as the results page shows it: {@code snippet} is HTML (escaped, matches in {@code <mark>}),
 * {@code url} lands on the passage inside its article with the query's matches marked, {@code sectionLabel} is the
 * section path as people read it. Rule: a hit found by meaning alone ({@code byMeaning}) claims no match: its
 * snippet is escaped with nothing marked, and its link does not ask the article to highlight the query.
 */
record ShownHit(String id, String title, List<String> sectionPath, String sectionLabel, String kind, Integer page,
        String snippet, String url, String citation, boolean byMeaning) {

    /** {@code queryPart}: the page's query as its links carry it ({@link Links#queryPart}). */
    static ShownHit of(SearchHit hit, String queryPart) {
        boolean byMeaning = hit.matchedBy() == MatchedBy.MEANING;
        String snippet = byMeaning ? MarkedHtml.escape(hit.snippet().text()) : MarkedHtml.of(hit.snippet());
        return new ShownHit(hit.id(), hit.title(), hit.sectionPath(), SectionPaths.shown(hit.sectionPath()), hit.kind(),
                hit.page(), snippet, Links.passageInArticleWith(hit.article(), hit.id(), byMeaning ? "" : queryPart),
                Citations.of(hit), byMeaning);
    }
}
