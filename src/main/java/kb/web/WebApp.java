package kb.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kb.live.Reindexer;
import kb.search.ArticleView;
import kb.search.BadQueryException;
import kb.search.PassageView;
import kb.search.SearchPage;
import kb.search.SearchRequest;
import kb.search.Completion;
import kb.search.SearchEngine;
import kb.search.SearchTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kb web front end: search pages, article pages with passage anchors, and a JSON API, all over one
 * {@link SearchEngine}. Each instance owns its own Javalin server, so tests can run one on a free port; the only
 * process-wide settings it touches are a Jetty tuning property and Thymeleaf's record accessor, both the same
 * for every instance. Every response carries a strict Content-Security-Policy, which is why templates have no inline
 * script or style; every error is answered in the caller's format (HTML page or {@code {error, message}} JSON)
 * and never with a stack trace.
 */
public final class WebApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebApp.class);

    static final String CSP = SecurityHeaders.CSP;
    private static final String OPENSEARCH_TYPE = "application/opensearchdescription+xml";
    /** Attribute a handler sets to explain a 404, shown by the shared not-found page. */
    private static final String NOT_FOUND_MESSAGE = "kb.notFound";
    /** The description only changes when kb is restarted with another public address. */
    private static final String OPENSEARCH_CACHE = "max-age=3600";
    /** Long queries arrive in the URL; Jetty's 8 KiB default would refuse them before kb can explain why. */
    private static final int MAX_REQUEST_HEADER_BYTES = 64 * 1024;
    private static final int DEFAULT_COMPLETIONS = 8;
    private static final String API_PASSAGES = "/api/passages/";

    private final SearchEngine search;
    private final WebConfig config;
    private final PageRenderer pages = new PageRenderer();
    private final ObjectMapper json = JsonMapper.builder().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).build();
    private final byte[] openApi;
    private final Javalin server;
    private final AdminRoutes admin;
    private final SourceRoute sources;

    public WebApp(SearchEngine search, WebConfig config) {
        this(search, config, null, null);
    }

    /**
     * With a {@link Reindexer} and a non-blank {@code adminToken}, also serves {@code POST /admin/reindex}; without,
     * that endpoint does not exist. {@code GET /health} is always served. A token under {@link AdminToken#MIN_LENGTH}
     * characters is refused (IllegalArgumentException).
     */
    public WebApp(SearchEngine search, WebConfig config, Reindexer reindexer, String adminToken) {
        skipJettyMBeanProbe();
        this.search = search;
        this.config = config;
        this.admin = new AdminRoutes(search, reindexer, adminToken);
        this.sources = new SourceRoute(search);
        this.openApi = readResource("web/static/openapi.json");
        this.server = Javalin.create(this::configure);
    }

    /** Starts listening on the configured host and port (0 = any free port); returns this app. */
    public WebApp start() {
        server.start(config.host(), config.port());
        return this;
    }

    /**
     * Jetty sizes its padded counters by asking the platform MBean server whether object references are compressed.
     * Starting that server registers every platform MBean (JMX, JFR) and took about 0.2 s of a 2.3 s start-up. The
     * answer only tunes padding, so give Jetty its usual value (the cache line, Jetty's own setting or 64 bytes, over
     * 4-byte references: compressed, as for any heap under 32 GB) unless the operator set one.
     */
    private static void skipJettyMBeanProbe() {
        if (System.getProperty(JETTY_REFERENCES_PER_CACHE_LINE) == null) {
            int lineBytes;
            try {
                lineBytes = Integer.parseInt(System.getProperty("org.eclipse.jetty.util.cacheLineBytes", "64"));
            } catch (NumberFormatException e) {
                lineBytes = 64;
            }
            System.setProperty(JETTY_REFERENCES_PER_CACHE_LINE, Integer.toString(Math.max(1, lineBytes / 4)));
        }
    }

    private static final String JETTY_REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

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

    private void configure(JavalinConfig cfg) {
        cfg.startup.showJavalinBanner = false;
        cfg.jsonMapper(new JavalinJackson(json, false));
        cfg.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(MAX_REQUEST_HEADER_BYTES));
        // Requests Jetty refuses itself (broken escapes, 414, 431, bad versions) get kb's error, not Jetty's page.
        cfg.jetty.modifyServer(jetty -> {
            jetty.setErrorHandler(new JettyErrors(json, this::errorPage));
            RequestTargets.install(jetty);
        });
        cfg.staticFiles.add(files -> {
            files.hostedPath = "/static";
            files.directory = "/web/static";
            files.location = Location.CLASSPATH;
            files.headers = Map.of("Cache-Control", "max-age=3600");
        });

        cfg.routes.before(WebApp::securityHeaders);
        cfg.routes.get("/", this::searchPage);
        cfg.routes.get("/search", this::searchPage);
        cfg.routes.get("/articles/{slug}", this::articlePage);
        cfg.routes.get("/articles/{slug}/source", this::articleSource);
        cfg.routes.get("/passages/{id}", this::passageRedirect);
        cfg.routes.get("/opensearch.xml", this::openSearch);
        cfg.routes.get("/favicon.ico", ctx -> ctx.redirect("/static/favicon.svg", HttpStatus.MOVED_PERMANENTLY));
        cfg.routes.get("/api/search", this::apiSearch);
        cfg.routes.get(API_PASSAGES + "{id}", this::apiPassage);
        cfg.routes.get("/api/suggest", this::apiSuggest);
        cfg.routes.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
        admin.register(cfg);

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
                fail(ctx, e.getStatus(), HttpStatus.forStatus(e.getStatus()).name().toLowerCase(java.util.Locale.ROOT),
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

    /** Before every route, so every answer has them; a route or the static files may set its own Cache-Control. */
    private static void securityHeaders(Context ctx) {
        SecurityHeaders.ALL.forEach(ctx::header);
        ctx.header("Cache-Control", SecurityHeaders.cacheControl(ctx.path()));
    }

    // ---- pages ----

    private void searchPage(Context ctx) throws IOException {
        String query = Params.text(ctx, "q");
        String article = Params.text(ctx, "article");
        String section = Params.text(ctx, "section");
        Map<String, Object> model = new HashMap<>();
        model.put("q", query == null ? "" : query);
        // The tips (empty query, refused query, nothing found) show examples from the corpus being served.
        model.put("examples", search.examples());
        if (query == null) {
            html(ctx, 200, "search", model);
            return;
        }
        try {
            int page = Params.wholeNumber(ctx, "page", 1);
            SearchPage results = search.search(new SearchRequest(query, page, SearchRequest.DEFAULT_SIZE, article, section,
                    Params.correctSpelling(ctx)));
            model.put("view", SearchView.of(results, article, section));
            html(ctx, 200, "search", model);
        } catch (BadQueryException | BadParameterException e) {
            model.put("error", e.getMessage());
            html(ctx, 400, "search", model);
        }
    }

    private void articlePage(Context ctx) throws IOException {
        String slug = ctx.pathParam("slug");
        String query = Params.text(ctx, "q");
        Map<String, Object> model = new HashMap<>();
        model.put("q", query == null ? "" : query);
        Optional<ArticleView> article;
        try {
            article = search.article(slug, query);
        } catch (BadQueryException e) {
            // The article exists regardless of the query; show it unhighlighted and say why.
            model.put("highlightError", e.getMessage());
            article = articleWithoutQuery(slug);
        }
        if (article.isEmpty()) {
            Optional<String> moved = search.movedTo(slug);
            if (moved.isPresent()) {
                String q = ctx.queryString();
                ctx.redirect(Links.article(moved.get()) + (q == null || q.isEmpty() ? "" : "?" + q), HttpStatus.MOVED_PERMANENTLY);
            } else {
                notFound(ctx, "There is no article “" + slug + "”.");
            }
            return;
        }
        model.put("article", article.get());
        model.put("sections", ShownArticle.sections(article.get()));
        model.put("query", query);
        model.put("resultsUrl", SearchLinks.search(query, null, null, 1));
        model.put("plainUrl", Links.article(slug));
        model.put("sourceUrl", safeExternalUrl(article.get().sourceUrl()));
        model.put("originalUrl", sources.file(slug).isPresent() ? Links.articleSource(slug) : null);
        html(ctx, 200, "article", model);
    }

    private Optional<ArticleView> articleWithoutQuery(String slug) throws IOException {
        try {
            return search.article(slug, null);
        } catch (BadQueryException impossible) {
            throw new IllegalStateException("no query, yet the query was refused", impossible);
        }
    }

    private void articleSource(Context ctx) throws IOException {
        String slug = ctx.pathParam("slug");
        if (!sources.serve(ctx, slug)) {
            notFound(ctx, "There is no original file for “" + slug + "” in the corpus.");
        }
    }

    private void passageRedirect(Context ctx) throws IOException {
        passageOrNotFound(ctx, Links::passage).ifPresent(p -> ctx.redirect(Links.passageInArticle(p.article(), p.id(), null), HttpStatus.FOUND));
    }

    private void openSearch(Context ctx) {
        String base = xmlEscape(publicBase());
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">
                  <ShortName>kb</ShortName>
                  <Description>Search the kb knowledge base</Description>
                  <InputEncoding>UTF-8</InputEncoding>
                  <Image width="16" height="16" type="image/svg+xml">%1$s/static/favicon.svg</Image>
                  <Url type="text/html" method="get" template="%1$s/search?q={searchTerms}"/>
                  <Url type="application/json" method="get" template="%1$s/api/search?q={searchTerms}"/>
                </OpenSearchDescription>
                """.formatted(base);
        ctx.header("Cache-Control", OPENSEARCH_CACHE).contentType(OPENSEARCH_TYPE + "; charset=utf-8").result(xml);
    }

    /**
     * The configured public address, else the address kb listens on; never the request's Host header, which a
     * client (or a cache poisoner) chooses.
     */
    private String publicBase() {
        if (config.publicUrl() != null) {
            return config.publicUrl();
        }
        String url = url();
        return url.substring(0, url.length() - 1);
    }

    private static String xmlEscape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    // ---- JSON API ----

    private void apiSearch(Context ctx) throws BadQueryException {
        String query = Params.text(ctx, "q");
        if (query == null) {
            throw new BadParameterException("q is required: give the words to search for");
        }
        int page = Params.wholeNumber(ctx, "page", 1);
        int size = Params.wholeNumber(ctx, "size", SearchRequest.DEFAULT_SIZE);
        SearchRequest request = new SearchRequest(query, page, size, Params.text(ctx, "article"), Params.text(ctx, "section"),
                Params.correctSpelling(ctx));
        ctx.json(ApiJson.page(search.search(request)));
    }

    private void apiSuggest(Context ctx) throws BadQueryException, IOException {
        String typed = Params.text(ctx, "q");
        int limit = Params.wholeNumber(ctx, "limit", DEFAULT_COMPLETIONS);
        List<Completion> completions = typed == null ? List.of() : search.complete(typed, limit);
        ctx.json(new SuggestResponse(typed == null ? "" : typed, completions));
    }

    /** The JSON of {@code /api/suggest}. */
    record SuggestResponse(String query, List<Completion> suggestions) {}

    private void apiPassage(Context ctx) throws IOException {
        passageOrNotFound(ctx, id -> API_PASSAGES + Links.encodePathSegment(id)).ifPresent(p -> ctx.json(ApiJson.passage(p)));
    }

    /**
     * The passage named by the path's {@code id}. When there is none, the answer is set to a 301 to {@code route} of
     * its new id if its article was renamed, else to a 404 saying so.
     */
    private Optional<PassageView> passageOrNotFound(Context ctx, java.util.function.UnaryOperator<String> route)
            throws IOException {
        String id = ctx.pathParam("id");
        Optional<PassageView> passage = search.passage(id);
        if (passage.isEmpty()) {
            Optional<String> moved = search.movedTo(id);
            if (moved.isPresent()) {
                ctx.redirect(route.apply(moved.get()), HttpStatus.MOVED_PERMANENTLY);
            } else {
                notFound(ctx, "There is no passage “" + id + "”.");
            }
        }
        return passage;
    }

    // ---- errors ----

    private void badRequest(Context ctx, String message) {
        fail(ctx, 400, "bad_request", message);
    }

    private void notFound(Context ctx, String message) {
        ctx.attribute(NOT_FOUND_MESSAGE, message);
        ctx.status(404);
    }

    /** kb's HTML error page, also for the requests Jetty refuses itself. */
    private String errorPage(int status, String message) {
        Map<String, Object> model = new HashMap<>();
        model.put("q", "");
        model.put("status", status);
        model.put("message", message);
        return pages.render("error", model);
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
            html(ctx, 404, "not-found", model);
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

    private void html(Context ctx, int status, String template, Map<String, Object> model) {
        if (status >= 400) {
            ctx.header("Cache-Control", SecurityHeaders.NO_STORE);
        }
        ctx.status(status).contentType("text/html; charset=utf-8").result(pages.render(template, model));
    }

    /** Only http(s) links from article metadata become clickable; anything else (javascript:, data:) stays text. */
    private static String safeExternalUrl(String url) {
        if (url == null) {
            return null;
        }
        String lower = url.strip().toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? url.strip() : null;
    }

    private static byte[] readResource(String name) {
        try (InputStream in = WebApp.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
