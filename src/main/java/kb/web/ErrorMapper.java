package kb.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import kb.search.BadQueryException;
import kb.search.SearchTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what a route throws into the caller's format: JSON {@code {error, message}} ({@link ApiError}) on the
 * machine paths, kb's HTML error page everywhere else, never a stack trace. Rule: every error answer is
 * {@code Cache-Control: no-store}; a bad query or parameter is 400, a search past its time limit 503, anything
 * unexpected 500 (logged), and every 404 (unknown route, static file, article or passage) has the one not-found look.
 */
final class ErrorMapper {
    /** Logged under the entry class, so operators' log filters stay as they were. */
    private static final Logger LOG = LoggerFactory.getLogger(WebApp.class);
    /** Attribute a handler sets to explain a 404, shown by the shared not-found page. */
    private static final String NOT_FOUND_MESSAGE = "kb.notFound";

    private final PageRenderer pages;

    ErrorMapper(PageRenderer pages) {
        this.pages = pages;
    }

    void register(JavalinConfig cfg) {
        cfg.routes.exception(BadQueryException.class, (e, ctx) -> badRequest(ctx, e.getMessage()));
        cfg.routes.exception(BadParameterException.class, (e, ctx) -> badRequest(ctx, e.getMessage()));
        // Past the time limit: the server's limit, not a bad query; no partial results are shown.
        cfg.routes.exception(SearchTimeoutException.class, (e, ctx) -> {
            ctx.header("Retry-After", "5");
            fail(ctx, 503, "timeout", e.getMessage());
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

    /** Answers 404 with {@code message}, through the shared not-found page. */
    void notFound(Context ctx, String message) {
        ctx.attribute(NOT_FOUND_MESSAGE, message);
        ctx.status(404);
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
        fail(ctx, 400, "bad_request", message);
    }

    /** Renders the 404 for any path; API paths get JSON, everything else the not-found page with a search box. */
    private void notFound(Context ctx) {
        String message = ctx.attribute(NOT_FOUND_MESSAGE);
        ctx.header("Cache-Control", SecurityHeaders.NO_STORE);
        if (message == null) {
            message = isApi(ctx) ? "There is no API endpoint at " + ctx.path() + "." : "There is no page at this address.";
        }
        if (isApi(ctx)) {
            ctx.status(404).json(new ApiError("not_found", message));
        } else {
            Map<String, Object> model = new HashMap<>();
            model.put("q", "");
            model.put("message", message);
            pages.respond(ctx, 404, "not-found", model);
        }
    }

    private void fail(Context ctx, int status, String code, String message) {
        ctx.header("Cache-Control", SecurityHeaders.NO_STORE);
        if (isApi(ctx)) {
            ctx.status(status).json(new ApiError(code, message));
        } else {
            ctx.status(status).contentType("text/html; charset=utf-8").result(errorPage(status, message));
        }
    }

    private static boolean isApi(Context ctx) {
        return SecurityHeaders.isMachinePath(ctx.path());
    }
}
