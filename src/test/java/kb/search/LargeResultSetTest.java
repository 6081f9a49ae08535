package kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * Ranking stops looking at passages that cannot make the page; counting stops after {@link SearchLimits#EXACT_COUNT}
 * matches. Up to that many the total and the facets cover every match, also the ones ranking never looked at; past
 * it the page says so, its facets cover the best {@link SearchLimits#BEST_COUNTED}, and every page up to the last
 * match can still be reached. The corpus is generated: 1,500 one-passage articles that mention "lidocaine", a few of
 * them with "lidocaine infusion" side by side, and one article of 1,200 paragraphs that mention it under one heading,
 * the first 1,000 of them "tablet", every other one "water".
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
            doses.append("Dose ").append(i).append(" of lidocaine was given by mouth")
                    .append(i < SearchLimits.EXACT_COUNT ? " as a tablet" : "").append(i % 2 == 0 ? " with water" : "")
                    .append(".\n\n");
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
    void upToTheExactCountTheTotalAndFacetsCountMatchesRankingNeverLookedAt() throws Exception {
        SearchPage water = service.search(SearchRequest.of("water"));
        assertTrue(water.countsExact());
        assertEquals(PARAGRAPHS / 2, water.total(), "600 matches, many more than ranking weighs");
        assertEquals(List.of(new FacetCount("doses", "Lidocaine doses", List.of(), PARAGRAPHS / 2)),
                water.facets().articles());
        assertEquals(PARAGRAPHS / 2, water.facets().sections().get(0).count());
        assertEquals(PARAGRAPHS / 2, water.articles().get(0).passages());
        SearchPage tablet = service.search(SearchRequest.of("tablet"));
        assertTrue(tablet.countsExact(), "exactly the exact count");
        assertEquals(SearchLimits.EXACT_COUNT, tablet.total());
        assertEquals(SearchLimits.EXACT_COUNT, tablet.facets().articles().get(0).count());
    }

    @Test
    void pastTheExactCountTheTotalIsALowerBoundAndEveryPageCanStillBeReached() throws Exception {
        SearchPage mouth = service.search(SearchRequest.of("mouth"));
        assertFalse(mouth.countsExact(), "1,200 matches");
        assertEquals(SearchLimits.EXACT_COUNT, mouth.total());
        assertEquals(SearchLimits.EXACT_COUNT, mouth.byWords());
        SearchPage page = service.search(SearchRequest.of("lidocaine infusion"));
        assertFalse(page.countsExact());
        int lastPage = (ARTICLES + PARAGRAPHS) / 10;
        SearchPage last = service.search(new SearchRequest("lidocaine infusion", lastPage, 10, null, null));
        assertEquals(10, last.hits().size(), "the last page of 2,700 is full");
        assertTrue(service.search(new SearchRequest("lidocaine infusion", lastPage + 1, 10, null, null)).hits().isEmpty());
    }

    @Test
    void pastTheExactCountFacetsAndArticleCountsCoverTheBestRanked() throws Exception {
        SearchPage page = service.search(new SearchRequest("lidocaine", 1, 10, "doses", null));
        assertFalse(page.countsExact(), "1,200 matches in the article");
        assertEquals(List.of(new FacetCount("doses", "Lidocaine doses", List.of(), SearchLimits.BEST_COUNTED)),
                page.facets().articles());
        FacetCount section = page.facets().sections().get(0);
        assertTrue(section.label().endsWith("Doses"), section.label());
        assertEquals(SearchLimits.BEST_COUNTED, section.count());
        assertEquals(SearchLimits.BEST_COUNTED, page.articles().get(0).passages());
        // Across the corpus, the facets add up to the best ranked passages, whichever articles they are in.
        SearchPage all = service.search(SearchRequest.of("lidocaine"));
        long inFacets = all.facets().articles().stream().mapToLong(FacetCount::count).sum();
        assertTrue(inFacets <= SearchLimits.BEST_COUNTED, all.facets().articles().toString());
        assertTrue(all.facets().articles().stream().allMatch(f -> f.count() >= 1));
    }

    @Test
    void theProximityBonusStillRanksWordsSideBySideFirst() throws Exception {
        SearchPage page = service.search(SearchRequest.of("lidocaine infusion"));
        // 15 articles have the two words side by side; all of page 1 must be among them.
        page.hits().forEach(h -> assertTrue(h.text().contains("lidocaine infusion"), h.id() + ": " + h.text()));
    }
}
