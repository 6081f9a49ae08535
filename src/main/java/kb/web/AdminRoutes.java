package kb.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import kb.index.Indexer;
import kb.live.MeaningStatus;
import kb.live.RebuildStatus;
import kb.live.Reindexer;
import kb.search.IndexState;
import kb.search.SearchEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /health} and {@code POST /admin/reindex}. Health is public and says which commit is served, how the
 * last update went and how far search by meaning is ({@link MeaningStatus}). Reindexing needs {@code Authorization: Bearer <token>} matching the configured token, compared
 * in constant time; with no token configured the endpoint does not exist (404). An address that sends ten wrong
 * tokens within a minute gets 429 for the rest of that minute, right token or not ({@link LoginThrottle}); the
 * parameters are only looked at once the token is right, so a wrong token always answers 401. One update runs at a time: a
 * request while one runs gets 409. The update runs within the request, which answers with its outcome; with
 * {@code wait=false} it runs in the background and the request answers 202 at once.
 */
final class AdminRoutes {
    static final String HEALTH = "/health";
    static final String REINDEX = "/admin/reindex";
    private static final Logger LOG = LoggerFactory.getLogger(AdminRoutes.class);

    private final SearchEngine search;
    private final Reindexer reindexer;
    private final byte[] tokenDigest;
    private final LoginThrottle throttle = new LoginThrottle();

    /**
     * {@code reindexer} and {@code token} may be null: then there is no admin endpoint, and health has no history.
     * A token shorter than {@link AdminToken#MIN_LENGTH} is refused with an IllegalArgumentException.
     */
    AdminRoutes(SearchEngine search, Reindexer reindexer, String token) {
        this.search = search;
        this.reindexer = reindexer;
        String checked = AdminToken.check(token);
        this.tokenDigest = reindexer == null || checked == null ? null : digest(checked);
    }

    void register(JavalinConfig cfg) {
        cfg.routes.get(HEALTH, this::health);
        if (tokenDigest == null) {
            return;
        }
        cfg.routes.post(REINDEX, this::reindex);
        cfg.routes.get(REINDEX, AdminRoutes::postOnly);
        cfg.routes.put(REINDEX, AdminRoutes::postOnly);
        cfg.routes.patch(REINDEX, AdminRoutes::postOnly);
        cfg.routes.delete(REINDEX, AdminRoutes::postOnly);
    }

    private void health(Context ctx) throws IOException {
        IndexState state;
        try {
            state = search.state();
        } catch (kb.search.EngineUnavailableException e) {
            // A cluster that cannot answer searches: say so, with what it reports of itself if it can.
            Map<String, Object> down = new LinkedHashMap<>();
            down.put("status", "down");
            down.put("message", e.getMessage());
            try {
                search.cluster().ifPresent(c -> down.put("cluster", c));
            } catch (IOException | RuntimeException unreachable) {
                // No node answers at all: the message says which were tried.
            }
            ctx.status(503).header("Cache-Control", "no-store").json(down);
            return;
        }
        Optional<RebuildStatus> last = reindexer == null ? Optional.empty() : reindexer.last();
        Map<String, Object> body = new LinkedHashMap<>();
        // Still serving after a failed or held update, but someone should look: "degraded", not "down".
        body.put("status", last.map(s -> s.needsAttention() ? "degraded" : "ok").orElse("ok"));
        body.put("generation", state.generation());
        body.put("passages", state.passages());
        body.put("rebuilding", reindexer != null && reindexer.running());
        body.put("lastRebuild", last.orElse(null));
        body.put("meaning", reindexer == null ? MeaningStatus.of(state) : reindexer.meaningStatus(state));
        Optional<kb.search.ClusterState> cluster = search.cluster();
        if (cluster.isPresent()) {
            body.put("status", cluster.get().status());
            body.put("cluster", cluster.get());
        }
        ctx.header("Cache-Control", "no-store").json(body);
    }

    private void reindex(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        String address = ctx.ip();
        OptionalLong blocked = throttle.blockedFor(address);
        if (blocked.isPresent()) {
            // Not even a right token gets through: a guesser must not learn which of its tries was right.
            ctx.header("Retry-After", Long.toString(blocked.getAsLong()));
            ctx.status(429).json(new ApiError("too_many_requests", "Too many wrong admin tokens from this address; "
                    + "try again in " + blocked.getAsLong() + " s."));
            return;
        }
        if (!authorised(ctx.header("Authorization"))) {
            if (throttle.failed(address)) {
                LOG.warn("Refusing admin requests from {} for up to {} s: {} wrong tokens", address,
                        LoginThrottle.WINDOW.toSeconds(), LoginThrottle.MAX_FAILURES);
            }
            ctx.header("WWW-Authenticate", "Bearer realm=\"kb admin\"");
            ctx.status(401).json(new ApiError("unauthorized", "Send the admin token as Authorization: Bearer <token>."));
            return;
        }
        throttle.succeeded(address);
        String modeParam = ctx.queryParam("mode");
        String waitParam = ctx.queryParam("wait");
        String allowParam = ctx.queryParam("allowDeletions");
        if (modeParam != null && !modeParam.equals("full") && !modeParam.equals("incremental")) {
            throw new BadParameterException("mode must be incremental or full");
        }
        if (waitParam != null && !waitParam.equals("true") && !waitParam.equals("false")) {
            throw new BadParameterException("wait must be true or false");
        }
        if (allowParam != null && !allowParam.equals("true") && !allowParam.equals("false")) {
            throw new BadParameterException("allowDeletions must be true or false");
        }
        boolean allowDeletions = "true".equals(allowParam);
        Indexer.Mode mode = "full".equals(modeParam) ? Indexer.Mode.FULL : Indexer.Mode.INCREMENTAL;
        if ("false".equals(waitParam)) {
            if (reindexer.tryStart(mode, allowDeletions)) {
                ctx.status(202).json(Map.of("accepted", true,
                        "message", "The index update has started; GET /health shows its outcome when it is done."));
            } else {
                busy(ctx);
            }
            return;
        }
        Optional<RebuildStatus> done = reindexer.tryRebuild(mode, allowDeletions);
        if (done.isEmpty()) {
            busy(ctx);
            return;
        }
        RebuildStatus status = done.get();
        // A held update is not the server's failure: the request asked for something that needs consent.
        ctx.status(switch (status.outcome()) {
            case FAILED -> 500;
            case HELD -> 409;
            case OK, NOTHING_INDEXED -> 200;
        }).json(status);
    }

    private static void busy(Context ctx) {
        ctx.status(409).json(new ApiError("busy", "An index update is already running; try again when it has finished."));
    }

    private static void postOnly(Context ctx) {
        ctx.header("Allow", "POST");
        ctx.status(405).json(new ApiError("method_not_allowed", "Use POST to start an index update."));
    }

    /** Compares digests, so neither the token's bytes nor its length show in the time taken. */
    boolean authorised(String header) {
        if (header == null || header.length() < 7 || !header.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            // Still spend the comparison, so a missing header answers as fast as a wrong one.
            MessageDigest.isEqual(digest(""), tokenDigest);
            return false;
        }
        return MessageDigest.isEqual(digest(header.substring(7).strip()), tokenDigest);
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
