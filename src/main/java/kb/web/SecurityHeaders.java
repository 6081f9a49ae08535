package kb.web;

import java.util.Map;

/**
 * The headers every kb response carries, whoever writes it (a kb route or Jetty refusing a request it could not
 * parse): a strict Content-Security-Policy (which is why templates have no inline script or style),
 * {@code nosniff} and no referrer. Cache-Control is chosen per kind of response, see {@link #cacheControl}.
 */
final class SecurityHeaders {
    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    static final Map<String, String> ALL = Map.of(
            "Content-Security-Policy", CSP,
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer");

    /** Machine answers (API, admin, health) and every error are never stored: they change with each index update. */
    static final String NO_STORE = "no-store";
    /** Pages may be kept but are checked again on every visit, so an index update shows at once. */
    static final String NO_CACHE = "no-cache";

    private SecurityHeaders() {}

    /** The Cache-Control for a response to {@code path} that has not chosen its own. */
    static String cacheControl(String path) {
        return isMachinePath(path) ? NO_STORE : NO_CACHE;
    }

    /** The admin and health endpoints are machine-facing like the API: their answers, errors included, are JSON. */
    static boolean isMachinePath(String path) {
        return path.equals("/api") || path.startsWith("/api/") || path.startsWith("/admin/") || path.equals("/admin")
                || path.equals(AdminRoutes.HEALTH);
    }
}
