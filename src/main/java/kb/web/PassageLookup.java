package kb.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.Optional;
import java.util.function.UnaryOperator;
import kb.search.PassageView;
import kb.search.SearchEngine;

/**
 * Finds the passage a path's {@code {id}} names, for the passage link and the JSON API alike. Rule: a passage of a
 * renamed article is a 301 to its new id; an id that never existed is a 404.
 */
final class PassageLookup {
    private final SearchEngine search;

    PassageLookup(SearchEngine search) {
        this.search = search;
    }

    /**
     * The passage named by the path's {@code id}; empty when its article was renamed, the answer then being a 301
     * to {@code route} of its new id. An unknown id throws {@link NotFoundException}.
     */
    Optional<PassageView> passageOrRedirect(Context ctx, UnaryOperator<String> route) throws IOException {
        String id = ctx.pathParam("id");
        Optional<PassageView> passage = search.passage(id);
        if (passage.isEmpty()) {
            Optional<String> moved = search.movedTo(id);
            if (moved.isPresent()) {
                ctx.redirect(route.apply(moved.get()), HttpStatus.MOVED_PERMANENTLY);
            } else {
                throw new NotFoundException("There is no passage “" + id + "”.");
            }
        }
        return passage;
    }
}
