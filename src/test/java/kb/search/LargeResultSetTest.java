package kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kb.corpus.CorpusReader;
import kb.index.Indexer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ranking stops looking at passages that cannot make the page once a query matches more than a thousand; the
 * count and the facets must still cover every match. The corpus is generated: 1,500 one-passage articles that
 * mention "lidocaine", a few of them with "lidocaine infusion" side by side, and one article of 1,200 paragraphs
 * that mention it under one heading.
 */
class LargeResultSetTest {
    static final int ARTICLES = 1_500;
    static final int PARAGRAPHS = 1_200;
    @TempDir
    static Path tmp;
    static LuceneSearchEngine service;

    @BeforeAll
    static void index() throws IOException {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < ARTICLES; i++) {
            String text = i % 100 == 7
                    ? "Case " + i + " received a lidocaine infusion before surgery."
                    : "Case " + i + " mentions lidocaine once, and an infusion of saline was given much later that day.";
            lines.add("{\"_id\": \"case-" + i + "\", \"title\": \"Case " + i + "\", \"text\": \"" + text + "\"}");
        }
        Files.write(corpus.resolve("cases.jsonl"), lines);
        StringBuilder doses = new StringBuilder("# Lidocaine doses\n\n## Doses\n\n");
        for (int i = 0; i < PARAGRAPHS; i++) {
            doses.append("Dose ").append(i).append(" of lidocaine was given by mouth.\n\n");
        }
        Files.writeString(corpus.resolve("doses.md"), doses);
        new Indexer(new CorpusReader(CorpusReader.DEFAULT_MAX_FILE_BYTES)).rebuild(corpus, tmp.resolve("index"));
        service = LuceneSearchEngine.open(tmp.resolve("index"));
    }

    @AfterAll
    static void close() throws IOException {
        service.close();
    }

    @Test
    void theTotalCountsEveryMatchPastTheRankingCutOff() throws Exception {
        SearchPage page = service.search(SearchRequest.of("lidocaine infusion"));
        assertEquals(ARTICLES + PARAGRAPHS, page.total());
        int lastPage = (ARTICLES + PARAGRAPHS) / 10;
        SearchPage last = service.search(new SearchRequest("lidocaine infusion", lastPage, 10, null, null));
        assertEquals(ARTICLES + PARAGRAPHS, last.total());
        assertEquals(10, last.hits().size(), "the last page of 2,700 is full");
    }

    @Test
    void facetsCountEveryMatchPastTheRankingCutOff() throws Exception {
        SearchPage page = service.search(SearchRequest.of("lidocaine"));
        FacetCount doses = page.facets().articles().get(0);
        assertEquals("Lidocaine doses", doses.label());
        assertEquals(PARAGRAPHS, doses.count());
        FacetCount section = page.facets().sections().stream().filter(f -> f.label().endsWith("Doses")).findFirst()
                .orElseThrow(() -> new AssertionError(page.facets().sections()));
        assertEquals(PARAGRAPHS, section.count());
        assertEquals(PARAGRAPHS, service.search(new SearchRequest("lidocaine", 1, 10, doses.value(), null)).total());
    }

    @Test
    void theProximityBonusStillRanksWordsSideBySideFirst() throws Exception {
        SearchPage page = service.search(SearchRequest.of("lidocaine infusion"));
        // 15 articles have the two words side by side; all of page 1 must be among them.
        page.hits().forEach(h -> assertTrue(h.text().contains("lidocaine infusion"), h.id() + ": " + h.text()));
    }
}
