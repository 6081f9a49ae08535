package kb.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import kb.search.PassageView;
import kb.search.RelatedPassages;
import kb.search.SearchEngine;

/**
 * {@code GET /passages/{id}/related}: the passages closest in meaning to one passage, from other articles and
 * from its own, at most {@value ArticleRelated#LIMIT} of each. Rule: the page exists for every passage (saying so
 * when there are none, as without meaning vectors); an unknown id is a 404, a renamed one a 301 to its new id.
 */
final class RelatedPages {
    private static final int EXCERPT = 240;

    private final SearchEngine search;
    private final PageRenderer pages;
    private final PassageLookup passages;

    RelatedPages(SearchEngine search, PageRenderer pages, PassageLookup passages) {
        this.search = search;
        this.pages = pages;
        this.passages = passages;
    }

    void register(JavalinConfig cfg) {
        cfg.routes.get("/passages/{id}/related", this::relatedPage);
    }

    private void relatedPage(Context ctx) throws IOException {
        Optional<PassageView> found = passages.passageOrRedirect(ctx, Links::passageRelated);
        if (found.isEmpty()) {
            return;
        }
        PassageView p = found.get();
        RelatedPassages related = search.related(p.id(), ArticleRelated.LIMIT).orElse(RelatedPassages.NONE);
        Map<String, Object> model = new HashMap<>();
        model.put("q", "");
        model.put("passage", p);
        model.put("sectionLabel", SectionPaths.shown(p.sectionPath()));
        model.put("excerpt", Excerpts.lead(p.text(), EXCERPT));
        model.put("passageUrl", Links.passageInArticle(p.article(), p.id(), null));
        model.put("articleUrl", Links.article(p.article()));
        model.put("related", ShownRelated.of(related, EXCERPT));
        pages.respond(ctx, "related", model);
    }
}
