package kb.web;

import java.util.List;
import kb.search.ArticleView;
import kb.search.PassageView;

/**
 * An article's sections as its page shows them: every passage with its text as HTML (escaped, the query's
 * matches in {@code <mark>}), its permalink, its citation, and its related passages as {@link ArticleRelated}
 * decides: listed ({@code related}), a link to their page ({@code relatedUrl}), or neither (both null).
 */
final class ShownArticle {
    private ShownArticle() {}

    record Section(String heading, int depth, List<Passage> passages) {}

    /** One passage on the page; {@code tableRows} and {@code tableCaption} are empty unless it is a table. */
    record Passage(String id, String kind, Integer page, String html, String url, String citation,
            List<List<String>> tableRows, String tableCaption, ShownRelated related, String relatedUrl) {

        static Passage of(PassageView p, ArticleRelated related) {
            return new Passage(p.id(), p.kind(), p.page(), MarkedHtml.of(p.marked()), Links.passage(p.id()),
                    Citations.of(p), p.tableRows(), p.tableCaption(), related.inline(p.id()), related.link(p.id()));
        }
    }

    static List<Section> sections(ArticleView article, ArticleRelated related) {
        return article.sections().stream().map(s -> new Section(s.heading(), s.depth(),
                s.passages().stream().map(p -> Passage.of(p, related)).toList())).toList();
    }
}
