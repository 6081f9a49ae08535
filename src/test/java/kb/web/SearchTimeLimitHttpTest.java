package kb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import kb.corpus.CorpusReader;
import kb.index.Indexer;
import kb.search.LuceneSearchEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A search past the time limit answers 503 with Retry-After and a plain message, as JSON and as a page. */
class SearchTimeLimitHttpTest {
    @TempDir
    Path tmp;

    @Test
    void aSearchPastTheTimeLimitIs503WithRetryAfter() throws Exception {
        Path corpus = java.nio.file.Files.createDirectories(tmp.resolve("corpus"));
        java.nio.file.Files.copy(Path.of("corpus", "ketamines-for-depression.txt"), corpus.resolve("k.txt"));
        new Indexer(new CorpusReader(CorpusReader.DEFAULT_MAX_FILE_BYTES)).rebuild(corpus, tmp.resolve("index"));
        try (LuceneSearchEngine search = LuceneSearchEngine.open(tmp.resolve("index"), Duration.ofNanos(1))) {
            WebApp app = new WebApp(search, new WebConfig("127.0.0.1", 0)).start();
            try {
                HttpResponse<String> api = get(app, "/api/search?q=keta*");
                assertEquals(503, api.statusCode(), api.body());
                assertEquals("5", api.headers().firstValue("Retry-After").orElse(""));
                assertTrue(api.body().startsWith("{\"error\":\"timeout\",\"message\":\"The search took longer"), api.body());

                HttpResponse<String> page = get(app, "/search?q=midazolam~1");
                assertEquals(503, page.statusCode());
                assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
                assertTrue(page.body().contains("The search took too long"), page.body());
            } finally {
                app.stop();
            }
        }
    }

    private static HttpResponse<String> get(WebApp app, String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
