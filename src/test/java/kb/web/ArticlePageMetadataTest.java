package kb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The article page shows a web page's authors, date, journal and DOI, and its data tables as tables, escaped. */
class ArticlePageMetadataTest {

    @Test
    void articlePageShowsMetadataAndRendersTablePassagesAsEscapedTables(@TempDir Path dir) throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.copy(Path.of("src/test/resources/corpus-html/citation.html"), corpus.resolve("citation.html"));
        Files.writeString(corpus.resolve("doses.html"), """
                <html><head><title>Doses</title></head><body><main>
                <p>Amounts by age.</p>
                <table><caption>Table 1. Amounts</caption>
                <tr><th>Age</th><th>Amount &lt;script&gt;</th></tr><tr><td>Adults</td><td>90 mg</td></tr></table>
                </main></body></html>""");
        new Indexer(new CorpusReader()).rebuild(corpus, dir.resolve("index"));
        try (LuceneSearchEngine search = LuceneSearchEngine.open(dir.resolve("index"))) {
            WebApp app = new WebApp(search, new WebConfig("127.0.0.1", 0)).start();
            try {
                HttpClient http = HttpClient.newHttpClient();
                String cited = get(http, app, "/articles/citation");
                assertTrue(cited.contains("Ada Lovelace, Grace Hopper and Alan Turing"), cited);
                assertTrue(cited.contains("2021/03/15"), cited);
                assertTrue(cited.contains("<cite>Journal of Sleep Research</cite>"), cited);
                assertTrue(cited.contains("href=\"https://doi.org/10.1234/sleep.2021.42\""), cited);
                assertTrue(cited.contains("Ada Lovelace et al. (2021). Sleep consolidates memory in adults"), cited);

                String doses = get(http, app, "/articles/doses");
                assertTrue(doses.contains("<table class=\"passage-table\">"), doses);
                assertTrue(doses.contains("<caption>Table 1. Amounts</caption>"), doses);
                assertTrue(doses.contains("<th scope=\"col\">Amount &lt;script&gt;</th>"), doses);
                assertTrue(doses.contains("<td>90 mg</td>"), doses);
                assertFalse(doses.contains("<script>"), doses);
                assertFalse(doses.contains("class=\"authors\""), "no authors, no author line");
            } finally {
                app.stop();
            }
        }
    }

    private static String get(HttpClient http, WebApp app, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), path);
        return r.body();
    }
}
