package kb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Either request-thread pool serves (virtual threads fall back to the platform pool before Java 21), and gzip is
 * used for a large body a client accepts it for, never for a small one.
 */
class ServerThreadsHttpTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path work;

    @Test
    void virtualThreadsAreUsedOnlyWhereTheJavaHasThem() {
        assertEquals(ServerThreads.PLATFORM, ServerThreads.PLATFORM.inUse());
        assertEquals(ServerThreads.virtualAvailable() ? ServerThreads.VIRTUAL : ServerThreads.PLATFORM,
                ServerThreads.VIRTUAL.inUse());
        assertEquals(Runtime.version().feature() >= 21, ServerThreads.virtualAvailable());
    }

    @Test
    void aServerAskedForVirtualThreadsAnswersSearchesAndGzipsOnlyLargeBodies() throws Exception {
        try (TestSite site = TestSite.start(work.resolve("platform"))) {
            WebApp app = new WebApp(site.search, new WebConfig("127.0.0.1", 0), null, null, ServerThreads.VIRTUAL).start();
            try {
                String root = "http://127.0.0.1:" + app.port();
                HttpResponse<byte[]> large = get(root + "/api/search?q=ketamine", true);
                assertEquals(200, large.statusCode());
                assertTrue(large.body().length > 0);
                assertEquals("gzip", large.headers().firstValue("Content-Encoding").orElse(""),
                        "a search answer is well over " + ServerSetup.GZIP_MIN_BYTES + " bytes");
                HttpResponse<byte[]> small = get(root + "/api/suggest?q=zzzz", true);
                assertEquals(200, small.statusCode());
                assertTrue(small.body().length < ServerSetup.GZIP_MIN_BYTES, small.body().length + " bytes");
                assertFalse(small.headers().firstValue("Content-Encoding").isPresent(), "small answers go as they are");
                HttpResponse<byte[]> plain = get(root + "/api/search?q=ketamine", false);
                assertFalse(plain.headers().firstValue("Content-Encoding").isPresent(), "no gzip unless asked for");
                assertTrue(new String(plain.body(), java.nio.charset.StandardCharsets.UTF_8).startsWith("{\"query\":\"ketamine\""));
            } finally {
                app.stop();
            }
        }
    }

    private static HttpResponse<byte[]> get(String url, boolean gzip) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        if (gzip) {
            b.header("Accept-Encoding", "gzip");
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
