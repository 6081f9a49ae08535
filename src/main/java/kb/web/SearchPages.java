package kb.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import kb.search.BadQueryException;
import kb.search.SearchMode;
import kb.search.SearchPage;
import kb.search.SearchRequest;
import kb.search.SearchEngine;
import kb.search.SearchLimits;

/**
 * {@code GET /} and {@code GET /search}: the search page, the one place a page of results is rendered. Rule: no
 * query shows the form with tips; a refused query or parameter (a bad {@code mode} too) shows the form again with
 * the reason (400). The form's "search by" control shows the mode asked for, hybrid when none (or a bad one) was.
 */
final class SearchPages {
    private final SearchEngine search;
    private final PageRenderer pages;

    SearchPages(SearchEngine search, PageRenderer pages) {
        this.search = search;
        this.pages = pages;
    }

    void register(JavalinConfig cfg) {
        cfg.routes.get("/", this::searchPage);
        cfg.routes.get("/search", this::searchPage);
    }

    private void searchPage(Context ctx) throws BadQueryException, IOException {
        String query = Params.text(ctx, "q");
        String article = Params.text(ctx, "article");
        String section = Params.text(ctx, "section");
        Map<String, Object> model = new HashMap<>();
        model.put("q", query == null ? "" : query);
        model.put("modes", ModeChoice.options(SearchMode.HYBRID));
        // The tips (empty query, refused query, nothing found) show examples from the corpus being served.
        model.put("examples", search.examples());
        if (query == null) {
            // Nothing to search: a valid mode is kept in the form for the next search, a bad one is not worth a 400.
            try {
                model.put("modes", ModeChoice.options(Params.mode(ctx)));
            } catch (BadParameterException ignored) {
                // the form keeps the default
            }
            pages.respond(ctx, "search", model);
            return;
        }
        // A refused query or parameter shows this form again, with the reason, as a 400.
        ErrorMapper.badRequestShows(ctx, reason -> {
            model.put("error", reason);
            return pages.render("search", model);
        });
        SearchMode mode = Params.mode(ctx);
        model.put("modes", ModeChoice.options(mode));
        int page = Params.wholeNumber(ctx, "page", 1);
        SearchPage results = search.search(new SearchRequest(query, page, SearchLimits.DEFAULT_PAGE_SIZE, article, section,
                Params.correctSpelling(ctx), mode));
        model.put("view", SearchView.of(results, article, section, mode));
        pages.respond(ctx, "search", model);
    }
}
