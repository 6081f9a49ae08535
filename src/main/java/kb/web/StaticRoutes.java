package kb.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/**
 * Fixed answers that describe kb itself: {@code /opensearch.xml} (so browsers can add kb as a search engine),
 * {@code /favicon.ico} and {@code /api/openapi.json}. Rule: the addresses they name come from kb's own
 * configuration, never from the request's Host header, which a client (or a cache poisoner) chooses.
 */
final class StaticRoutes {
    private static final String OPENSEARCH_TYPE = "application/opensearchdescription+xml";
    /** The description only changes when kb is restarted with another public address. */
    private static final String OPENSEARCH_CACHE = "max-age=3600";

    private final WebConfig config;
    private final Supplier<String> listeningUrl;
    private final byte[] openApi;

    /** {@code listeningUrl} is the address kb listens on, ending in {@code /}, used when no public address is set. */
    StaticRoutes(WebConfig config, Supplier<String> listeningUrl) {
        this.config = config;
        this.listeningUrl = listeningUrl;
        this.openApi = readResource("web/static/openapi.json");
    }

    void register(JavalinConfig cfg) {
        cfg.routes.get("/opensearch.xml", this::openSearch);
        cfg.routes.get("/favicon.ico", ctx -> ctx.redirect("/static/favicon.svg", HttpStatus.MOVED_PERMANENTLY));
        cfg.routes.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
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

    /** The configured public address, else the address kb listens on. */
    private String publicBase() {
        if (config.publicUrl() != null) {
            return config.publicUrl();
        }
        String url = listeningUrl.get();
        return url.substring(0, url.length() - 1);
    }

    private static String xmlEscape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static byte[] readResource(String name) {
        try (InputStream in = StaticRoutes.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
