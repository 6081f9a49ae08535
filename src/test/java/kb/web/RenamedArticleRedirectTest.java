package kb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import kb.corpus.CorpusReader;
import kb.index.Indexer;
import kb.search.LuceneSearchEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Links made before a file was renamed (same content) answer 301 to the article's new place; others stay 404. */
class RenamedArticleRedirectTest {
    @TempDir
    Path tmp;

    @Test
    void oldIdsOfARenamedFileRedirectPermanently() throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        Path index = tmp.resolve("index");
        Files.writeString(corpus.resolve("notes.md"), "# Notes\n\nNotes about glutamate.\n");
        Indexer indexer = new Indexer(new CorpusReader());
        indexer.update(corpus, index);
        Files.createDirectories(corpus.resolve("archive"));
        Files.move(corpus.resolve("notes.md"), corpus.resolve("archive/glutamate-notes.md"));
        indexer.update(corpus, index);

        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        try (LuceneSearchEngine search = LuceneSearchEngine.open(index);
                WebApp app = new WebApp(search, new WebConfig("127.0.0.1", 0)).start()) {
            String base = "http://127.0.0.1:" + app.port();
            assertMoved(http, base + "/passages/notes.intro.1", "/passages/glutamate-notes.intro.1");
            assertMoved(http, base + "/api/passages/notes.intro.1", "/api/passages/glutamate-notes.intro.1");
            assertMoved(http, base + "/articles/notes?q=glutamate", "/articles/glutamate-notes?q=glutamate");
            assertEquals(404, http.send(HttpRequest.newBuilder(URI.create(base + "/articles/never-was")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
            assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(base + "/api/passages/glutamate-notes.intro.1"))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        }
    }

    private static void assertMoved(HttpClient http, String from, String to) throws Exception {
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(from)).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(301, r.statusCode(), from);
        assertEquals(to, r.headers().firstValue("Location").map(l -> l.replaceFirst("^https?://[^/]+", "")).orElse(""), from);
    }
}
