package kb.web;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kb.search.ArticleView;
import kb.search.PassageView;
import kb.search.RelatedPassages;
import kb.search.SearchEngine;

/**
 * What an article page shows of each passage's related passages, computed server-side through
 * {@link SearchEngine#related}. Rule: when the engine finds nothing for the first passage (an index without
 * meaning vectors answers {@link RelatedPassages#NONE}), nothing is shown for any passage; an article of up to
 * {@value #MAX_INLINE} passages lists them under each passage (a passage with none gets no box); a longer one gets
 * a link per passage to {@code /passages/{id}/related} instead, so one page view costs at most
 * {@value #MAX_INLINE} neighbour searches.
 */
final class ArticleRelated {
    /** At most this many from other articles, and as many from the same article. */
    static final int LIMIT = 5;
    static final int MAX_INLINE = 60;
    /** Lists under every passage stay short: the related page shows longer openings. */
    private static final int EXCERPT = 120;

    static final ArticleRelated NONE = new ArticleRelated(false, Map.of());

    private final boolean asLinks;
    private final Map<String, ShownRelated> inline;

    private ArticleRelated(boolean asLinks, Map<String, ShownRelated> inline) {
        this.asLinks = asLinks;
        this.inline = inline;
    }

    static ArticleRelated of(SearchEngine search, ArticleView article) throws IOException {
        List<String> ids = article.sections().stream().flatMap(s -> s.passages().stream()).map(PassageView::id).toList();
        if (ids.isEmpty()) {
            return NONE;
        }
        RelatedPassages first = related(search, ids.get(0));
        if (first.equals(RelatedPassages.NONE)) {
            return NONE;
        }
        if (ids.size() > MAX_INLINE) {
            return new ArticleRelated(true, Map.of());
        }
        Map<String, ShownRelated> shown = new HashMap<>();
        for (String id : ids) {
            ShownRelated r = ShownRelated.of(id.equals(ids.get(0)) ? first : related(search, id), EXCERPT);
            if (!r.isEmpty()) {
                shown.put(id, r);
            }
        }
        return new ArticleRelated(false, shown);
    }

    /** The lists to show under this passage, or null for none. */
    ShownRelated inline(String passageId) {
        return inline.get(passageId);
    }

    /** The link to this passage's related page, or null when the lists are inline (or there are none). */
    String link(String passageId) {
        return asLinks ? Links.passageRelated(passageId) : null;
    }

    private static RelatedPassages related(SearchEngine search, String id) throws IOException {
        // A passage gone since the article was read (a live update) simply has none.
        return search.related(id, LIMIT).orElse(RelatedPassages.NONE);
    }
}
