package kb.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.Javalin;
import kb.live.Reindexer;
import kb.search.SearchEngine;

/**
 * The kb web front end: search pages, article pages with passage anchors, and a JSON API, all over one
 * {@link SearchEngine}. Each instance owns its own Javalin server, so tests can run one on a free port; the only
 * process-wide settings it touches are a Jetty tuning property and Thymeleaf's record accessor, both the same
 * for every instance. Every response carries a strict Content-Security-Policy, which is why templates have no inline
 * script or style; every error is answered in the caller's format (HTML page or {@code {error, message}} JSON)
 * and never with a stack trace.
 *
 * <p>This class only wires the rooms: {@link ServerSetup} (Jetty, static files, headers), {@link SearchPages},
 * {@link ArticlePages}, {@link RelatedPages}, {@link ApiRoutes}, {@link StaticRoutes}, {@link StaticFiles}, {@link AdminRoutes} and {@link ErrorMapper}.
 */
public final class WebApp implements AutoCloseable {
    static final String CSP = SecurityHeaders.CSP;

    /** The request threads kb serves with (see {@link ServerThreads}; chosen by {@code kb bench}'s measurement). */
    public static final ServerThreads DEFAULT_THREADS = ServerThreads.PLATFORM;

    private final PageRenderer pages = new PageRenderer();
    private final ObjectMapper json = JsonMapper.builder().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).build();
    private final WebConfig config;
    private final Javalin server;

    public WebApp(SearchEngine search, WebConfig config) {
        this(search, config, null, null);
    }

    /**
     * With a {@link Reindexer} and a non-blank {@code adminToken}, also serves {@code POST /admin/reindex}; without,
     * that endpoint does not exist. {@code GET /health} is always served. A token under {@link AdminToken#MIN_LENGTH}
     * characters is refused (IllegalArgumentException).
     */
    public WebApp(SearchEngine search, WebConfig config, Reindexer reindexer, String adminToken) {
        this(search, config, reindexer, adminToken, DEFAULT_THREADS);
    }

    /** As {@link #WebApp(SearchEngine, WebConfig, Reindexer, String)}, requests running on {@code threads}. */
    public WebApp(SearchEngine search, WebConfig config, Reindexer reindexer, String adminToken, ServerThreads threads) {
        ServerSetup.skipJettyMBeanProbe();
        this.config = config;
        AdminRoutes admin = new AdminRoutes(search, reindexer, adminToken);
        ErrorMapper errors = new ErrorMapper(pages);
        PassageLookup passages = new PassageLookup(search);
        SearchPages searchPages = new SearchPages(search, pages);
        ArticlePages articlePages = new ArticlePages(search, pages, new SourceRoute(search), passages);
        RelatedPages relatedPages = new RelatedPages(search, pages, passages);
        ApiRoutes api = new ApiRoutes(search, passages);
        StaticRoutes fixed = new StaticRoutes(config, this::url);
        this.server = Javalin.create(cfg -> {
            ServerSetup.apply(cfg, json, errors::errorPage, threads);
            searchPages.register(cfg);
            articlePages.register(cfg);
            relatedPages.register(cfg);
            fixed.register(cfg);
            new StaticFiles().register(cfg);
            api.register(cfg);
            admin.register(cfg);
            errors.register(cfg);
        });
    }

    /** Starts listening on the configured host and port (0 = any free port); returns this app. */
    public WebApp start() {
        server.start(config.host(), config.port());
        return this;
    }

    /** The port actually bound, useful when the configuration asked for port 0. */
    public int port() {
        return server.port();
    }

    /** The address to open in a browser, e.g. {@code http://127.0.0.1:7070/}. */
    public String url() {
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        return "http://" + host + ":" + port() + "/";
    }

    public void stop() {
        server.stop();
    }

    @Override
    public void close() {
        stop();
    }
}
