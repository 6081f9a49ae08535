package kb.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import java.util.function.BiFunction;

/**
 * Server set-up shared by every route: Jetty's limits and error handler, the JSON mapper and the
 * headers every answer carries. Rule: settings here apply to every request alike; nothing here knows a route.
 */
final class ServerSetup {
    /** Long queries arrive in the URL; Jetty's 8 KiB default would refuse them before kb can explain why. */
    private static final int MAX_REQUEST_HEADER_BYTES = 64 * 1024;
    /** Bodies below this are sent as they are: about one packet, where gzip saves nothing worth its CPU. */
    static final int GZIP_MIN_BYTES = 1500;
    private static final String JETTY_REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

    private ServerSetup() {}

    /**
     * Jetty sizes its padded counters by asking the platform MBean server whether object references are compressed.
     * Starting that server registers every platform MBean (JMX, JFR) and took about 0.2 s of a 2.3 s start-up. The
     * answer only tunes padding, so give Jetty its usual value (the cache line, Jetty's own setting or 64 bytes, over
     * 4-byte references: compressed, as for any heap under 32 GB) unless the operator set one.
     */
    static void skipJettyMBeanProbe() {
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

    /** {@code errorPage} renders kb's HTML error page for the requests Jetty refuses itself. */
    static void apply(JavalinConfig cfg, ObjectMapper json, BiFunction<Integer, String, String> errorPage,
            ServerThreads threads) {
        cfg.startup.showJavalinBanner = false;
        cfg.concurrency.useVirtualThreads = threads == ServerThreads.VIRTUAL;
        // Javalin's default, said here because it is a decision: gzip for text bodies of 1,500 bytes and more (a
        // results page or a search's JSON), never for the small answers, where compressing costs more than it saves.
        CompressionStrategy gzip = new CompressionStrategy(null, new Gzip());
        gzip.setDefaultMinSizeForCompression(GZIP_MIN_BYTES);
        cfg.http.compressionStrategy = gzip;
        cfg.jsonMapper(new JavalinJackson(json, false));
        cfg.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(MAX_REQUEST_HEADER_BYTES));
        // Requests Jetty refuses itself (broken escapes, 414, 431, bad versions) get kb's error, not Jetty's page.
        cfg.jetty.modifyServer(jetty -> {
            jetty.setErrorHandler(new JettyErrors(json, errorPage));
            RequestTargets.install(jetty);
        });
        cfg.routes.before(ServerSetup::securityHeaders);
    }

    /** Before every route, so every answer has them; a route or the static files may set its own Cache-Control. */
    private static void securityHeaders(Context ctx) {
        SecurityHeaders.ALL.forEach(ctx::header);
        ctx.header("Cache-Control", SecurityHeaders.cacheControl(ctx.path()));
    }
}
