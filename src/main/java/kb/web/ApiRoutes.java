package kb.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import kb.search.BadQueryException;
import kb.search.Completion;
import kb.search.PassageView;
import kb.search.RelatedPassages;
import kb.search.SearchRequest;
import kb.search.SearchEngine;
import kb.search.SearchLimits;

/**
 * The JSON API: {@code GET /api/search}, {@code /api/passages/{id}} and {@code /api/suggest} (autocomplete: the
 * path keeps its published name). Rule: bodies are composed from the engine's records by {@link ApiJson};
 * {@code /api/search} is written by {@link ApiJsonWriter}, the others by the JSON mapper;
 * parameters are checked for form only ({@link Params}), ranges by the engine. A passage comes with its related
 * passages ({@link SearchEngine#related}, at most {@value ArticleRelated#LIMIT} of each kind; empty lists without
 * meaning vectors).
 */
final class ApiRoutes {
    static final String API_PASSAGES = "/api/passages/";
    private static final int DEFAULT_COMPLETIONS = 8;

    private final SearchEngine search;
    private final PassageLookup passages;

    ApiRoutes(SearchEngine search, PassageLookup passages) {
        this.search = search;
        this.passages = passages;
    }

    void register(JavalinConfig cfg) {
        cfg.routes.get("/api/search", this::apiSearch);
        cfg.routes.get(API_PASSAGES + "{id}", this::apiPassage);
        cfg.routes.get("/api/suggest", this::apiSuggest);
    }

    private void apiSearch(Context ctx) throws BadQueryException {
        String query = Params.text(ctx, "q");
        if (query == null) {
            throw new BadParameterException("q is required: give the words to search for");
        }
        int page = Params.wholeNumber(ctx, "page", 1);
        int size = Params.wholeNumber(ctx, "size", SearchLimits.DEFAULT_PAGE_SIZE);
        SearchRequest request = new SearchRequest(query, page, size, Params.text(ctx, "article"), Params.text(ctx, "section"),
                Params.correctSpelling(ctx), Params.mode(ctx));
        // The one hot JSON path: written straight from the records (ApiJsonWriter), not through the JSON mapper.
        ctx.contentType(ContentType.APPLICATION_JSON).result(ApiJsonWriter.page(ApiJson.page(search.search(request))));
    }

    private void apiSuggest(Context ctx) throws BadQueryException, IOException {
        String typed = Params.text(ctx, "q");
        int limit = Params.wholeNumber(ctx, "limit", DEFAULT_COMPLETIONS);
        List<Completion> completions = typed == null ? List.of() : search.complete(typed, limit);
        ctx.json(new CompletionsResponse(typed == null ? "" : typed, completions));
    }

    /** The JSON of {@code /api/suggest}. */
    record CompletionsResponse(String query, List<Completion> suggestions) {}

    private void apiPassage(Context ctx) throws IOException {
        Optional<PassageView> p = passages.passageOrRedirect(ctx, id -> API_PASSAGES + Links.encodePathSegment(id));
        if (p.isPresent()) {
            RelatedPassages related = search.related(p.get().id(), ArticleRelated.LIMIT).orElse(RelatedPassages.NONE);
            ctx.json(ApiJson.passage(p.get(), related));
        }
    }
}
