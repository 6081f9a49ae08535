package kb.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.Optional;
import java.util.function.UnaryOperator;
import kb.search.PassageView;
import kb.search.SearchService;

/**
 * Finds the passage a path's {@code {id}} names, for the passage link and the JSON API alike. Rule: a passage of a
 * renamed article is a 301 to its new id; an id that never existed is a 404.
 */
final class PassageLookup {
    private final SearchService search;
    private final ErrorMapper errors;

    PassageLookup(SearchService search, ErrorMapper errors) {
        this.search = search;
        this.errors = errors;
    }

    /**
     * The passage named by the path's {@code id}. When there is none, the answer is set to a 301 to {@code route} of
     * its new id if its article was renamed, else to a 404 saying so.
     */
    Optional<PassageView> passageOrNotFound(Context ctx, UnaryOperator<String> route) throws IOException {
        String id = ctx.pathParam("id");
        Optional<PassageView> passage = search.passage(id);
        if (passage.isEmpty()) {
            Optional<String> moved = search.movedTo(id);
            if (moved.isPresent()) {
                ctx.redirect(route.apply(moved.get()), HttpStatus.MOVED_PERMANENTLY);
            } else {
                errors.notFound(ctx, "There is no passage “" + id + "”.");
            }
        }
        return passage;
    }
}
