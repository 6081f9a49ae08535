package kb.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import kb.search.BadQueryException;
import kb.search.SearchTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns what a route throws into an answer in the caller's format: JSON {@code {error, message}}
 * ({@link ApiError}) on the machine paths, kb's HTML error page everywhere else, never a stack trace. Routes only
 * throw: {@link BadQueryException} and {@link BadParameterException} are 400, {@link NotFoundException} 404, a
 * {@link SearchTimeoutException} and an {@code EngineUnavailableException} 503 (with {@code Retry-After}), anything unexpected 500 (logged). Rule: every error
 * answer is {@code Cache-Control: no-store}, and every 404 (unknown route, static file, article or passage) has the
 * one not-found look. A page may show its own 400 instead of the error page ({@link #badRequestShows}).
 */
final class ErrorMapper {
    /** Logged under the entry class, so operators' log filters stay as they were. */
    private static final Logger LOG = LoggerFactory.getLogger(WebApp.class);
    /** Set from a {@link NotFoundException} to explain a 404, shown by the shared not-found page. */
    private static final String NOT_FOUND_MESSAGE = "kb.notFound";
    /** A page's own HTML for a 400, given the reason; see {@link #badRequestShows}. */
    private static final String BAD_REQUEST_PAGE = "kb.badRequestPage";

    private final PageRenderer pages;

    ErrorMapper(PageRenderer pages) {
        this.pages = pages;
    }

    /**
     * From here on in this request, a bad query or parameter is answered (400, HTML) with {@code page} of the
     * reason rather than the generic error page: the search form shows why its query was refused.
     */
    static void badRequestShows(Context ctx, Function<String, String> page) {
        ctx.attribute(BAD_REQUEST_PAGE, page);
    }

    void register(JavalinConfig cfg) {
        cfg.routes.exception(NotFoundException.class, (e, ctx) -> {
            // The body is written by the 404 error handler below, as for every other 404.
            ctx.attribute(NOT_FOUND_MESSAGE, e.getMessage());
            ctx.status(404);
        });
        cfg.routes.exception(BadQueryException.class, (e, ctx) -> badRequest(ctx, e.getMessage()));
        cfg.routes.exception(BadParameterException.class, (e, ctx) -> badRequest(ctx, e.getMessage()));
        // Past the time limit: the server's limit, not a bad query; no partial results are shown.
        cfg.routes.exception(SearchTimeoutException.class, (e, ctx) -> {
            ctx.header("Retry-After", "5");
            fail(ctx, 503, "timeout", e.getMessage());
        });
        // The engine cannot answer now (no node of a cluster, or a shard with no live replica): no partial results.
        cfg.routes.exception(kb.search.EngineUnavailableException.class, (e, ctx) -> {
            ctx.header("Retry-After", "5");
            fail(ctx, 503, "unavailable", e.getMessage());
        });
        cfg.routes.exception(HttpResponseException.class, (e, ctx) -> {
            if (e.getStatus() >= 500) {
                LOG.error("Request {} {} failed", ctx.method(), ctx.path(), e);
            }
            ctx.status(e.getStatus());
            if (e.getStatus() != 404) {
                fail(ctx, e.getStatus(), HttpStatus.forStatus(e.getStatus()).name().toLowerCase(Locale.ROOT),
                        e.getMessage());
            }
        });
        cfg.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("Request {} {} failed", ctx.method(), ctx.path(), e);
            fail(ctx, 500, "internal_error", "Something went wrong on the server. The error has been logged.");
        });
        // Every 404 (unknown route, missing static file, unknown article or passage) ends here, so it has one look.
        cfg.routes.error(404, this::notFound);
    }

    /** kb's HTML error page, also for the requests Jetty refuses itself. */
    String errorPage(int status, String message) {
        Map<String, Object> model = new HashMap<>();
        model.put("q", "");
        model.put("status", status);
        model.put("message", message);
        return pages.render("error", model);
    }

    private void badRequest(Context ctx, String message) {
        Function<String, String> own = ctx.attribute(BAD_REQUEST_PAGE);
        answer(ctx, 400, "bad_request", message, own != null ? own : m -> errorPage(400, m));
    }

    /** Renders the 404 for any path; API paths get JSON, everything else the not-found page with a search box. */
    private void notFound(Context ctx) {
        String message = ctx.attribute(NOT_FOUND_MESSAGE);
        if (message == null) {
            message = isApi(ctx) ? "There is no API endpoint at " + ctx.path() + "." : "There is no page at this address.";
        }
        answer(ctx, 404, "not_found", message, m -> {
            Map<String, Object> model = new HashMap<>();
            model.put("q", "");
            model.put("message", m);
            return pages.render("not-found", model);
        });
    }

    private void fail(Context ctx, int status, String code, String message) {
        answer(ctx, status, code, message, m -> errorPage(status, m));
    }

    /** The one way every error leaves: never stored; JSON on the machine paths, else {@code page} of the message. */
    private static void answer(Context ctx, int status, String code, String message, Function<String, String> page) {
        ctx.header("Cache-Control", SecurityHeaders.NO_STORE);
        if (isApi(ctx)) {
            ctx.status(status).json(new ApiError(code, message));
        } else {
            ctx.status(status).contentType("text/html; charset=utf-8").result(page.apply(message));
        }
    }

    private static boolean isApi(Context ctx) {
        return SecurityHeaders.isMachinePath(ctx.path());
    }
}
