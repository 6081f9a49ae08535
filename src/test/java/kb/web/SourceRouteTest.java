package kb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import kb.corpus.CorpusReader;
import kb.index.Indexer;
import kb.search.LuceneSearchEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /articles/{slug}/source} serves an article's original file from the index's corpus, with a content type
 * a browser can show, a saved web page sandboxed, and nothing for an article whose file is gone.
 */
class SourceRouteTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path tmp;
    Path corpus;
    Path index;

    @BeforeEach
    void corpus() throws Exception {
        corpus = Files.createDirectories(tmp.resolve("corpus"));
        index = tmp.resolve("index");
        Files.writeString(corpus.resolve("notes.md"), "# Notes\n\nNotes about glutamate.\n");
        Files.writeString(corpus.resolve("page.html"), "<html><head><title>Saved page</title><script>alert(1)</script>"
                + "</head><body><main><p>A saved page about serotonin and sleep.</p></main></body></html>");
        new Indexer(new CorpusReader()).update(corpus, index);
    }

    @Test
    void theOriginalFileIsServedInlineWithItsTypeAndSavedPagesAreSandboxed() throws Exception {
        try (LuceneSearchEngine search = LuceneSearchEngine.open(index); WebApp app = new WebApp(search, new WebConfig("127.0.0.1", 0)).start()) {
            String base = "http://127.0.0.1:" + app.port();
            HttpResponse<String> md = get(base + "/articles/notes/source");
            assertEquals(200, md.statusCode());
            assertEquals("# Notes\n\nNotes about glutamate.\n", md.body());
            assertTrue(md.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), md.headers().toString());
            assertTrue(md.headers().firstValue("Content-Disposition").orElse("").startsWith("inline"));

            // A browser asks for gzip: the file still arrives whole, with its own length.
            String big = "# Big\n\n" + "Line of text about serotonin and sleep, repeated to make a large file.\n".repeat(40_000);
            Files.writeString(corpus.resolve("notes.md"), big);
            HttpResponse<byte[]> zipped = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/articles/notes/source"))
                    .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, zipped.statusCode());
            assertEquals(big, new String(zipped.body(), java.nio.charset.StandardCharsets.UTF_8));

            HttpResponse<String> html = get(base + "/articles/page/source");
            assertEquals(200, html.statusCode());
            assertTrue(html.headers().firstValue("Content-Security-Policy").orElse("").startsWith("sandbox"),
                    "a saved page's scripts never run on kb's origin");

            HttpResponse<String> article = get(base + "/articles/notes");
            assertTrue(article.body().contains("href=\"/articles/notes/source\""), "the article page links its original file");

            assertEquals(404, get(base + "/articles/nope/source").statusCode());
            assertEquals(404, get(base + "/articles/..%2F..%2Fetc%2Fpasswd/source").statusCode());

            Files.delete(corpus.resolve("notes.md"));
            assertEquals(404, get(base + "/articles/notes/source").statusCode(), "only files that are in the corpus");
            assertTrue(!get(base + "/articles/notes").body().contains("/articles/notes/source"));
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
