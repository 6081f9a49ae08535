package kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import kb.corpus.CorpusReader;
import kb.index.IndexProgress;
import kb.index.Indexer;
import kb.meaning.Embedder;
import kb.testing.SharedMeaning;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search by meaning over the seed article without its synonym list, plus a short second article, indexed with the
 * real model: what words alone miss, meaning finds; syntax stays exact; related passages come split by article.
 */
class SearchByMeaningTest {
    private static final String SEED = "ketamines-for-depression";
    private static final String INTRO = SEED + ".introduction.1";

    @TempDir
    static Path tmp;
    static LuceneSearchEngine engine;

    @BeforeAll
    static void indexWithMeaning() throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        Files.copy(Path.of("corpus", SEED + ".txt"), corpus.resolve(SEED + ".txt"));
        Files.writeString(corpus.resolve("sleep.md"), "# Sleep and mood\n\nPoor sleep makes low mood worse, and "
                + "treating insomnia can lift depressive symptoms.\n\n## Naps\n\nShort naps after lunch help shift workers.\n");
        Embedder embedder = SharedMeaning.embedder();
        new Indexer(new CorpusReader()).index(corpus, tmp.resolve("index"), Indexer.Mode.FULL, IndexProgress.NONE,
                Indexer.Options.DEFAULT.withEmbedder(embedder, Indexer.Options.UNLIMITED));
        engine = LuceneSearchEngine.openForQueries(tmp.resolve("index"), Duration.ofSeconds(30), embedder);
    }

    @AfterAll
    static void close() throws Exception {
        engine.close();
    }

    private static SearchPage search(String q, SearchMode mode) throws BadQueryException {
        return engine.search(new SearchRequest(q, 1, 3, null, null, true, mode));
    }

    private static List<String> ids(SearchPage page) {
        return page.hits().stream().map(SearchHit::id).toList();
    }

    @Test
    void hybridFindsWhatTheWordsMissWithoutAnySynonymList() throws Exception {
        assertEquals(0, search("SSRI", SearchMode.LEXICAL).total(), "no passage has the word");
        SearchPage ssri = search("SSRI", SearchMode.HYBRID);
        assertEquals(SearchMode.HYBRID, ssri.mode());
        assertEquals(0, ssri.byWords(), "no passage has the word");
        assertTrue(ssri.total() > 0, "but some are near it in meaning");
        assertTrue(ids(ssri).contains(INTRO), "the passage naming selective serotonin reuptake inhibitors: " + ids(ssri));
        SearchHit intro = ssri.hits().stream().filter(h -> h.id().equals(INTRO)).findFirst().orElseThrow();
        assertEquals(MatchedBy.MEANING, intro.matchedBy());
        assertTrue(intro.snippet().marks().isEmpty() && intro.text().contains(intro.snippet().text())
                && intro.snippet().text().length() < intro.text().length(), "its nearest sentence: " + intro.snippet());
        assertTrue(intro.matches().isEmpty());
        SearchPage fast = engine.search(new SearchRequest("fast-acting", 1, 5, null, null, true, SearchMode.HYBRID));
        assertTrue(ids(fast).contains(INTRO), "rapid ... antidepressant effects: " + ids(fast));
    }

    @Test
    void aPassageFoundByWordsAndMeaningSaysBoth() throws Exception {
        SearchPage page = search("ketamine side effects", SearchMode.HYBRID);
        SearchHit first = page.hits().get(0);
        assertEquals(SEED + ".what-are-the-potential-side-effects-of-ketamine.1", first.id());
        assertEquals(MatchedBy.BOTH, first.matchedBy());
        assertEquals(search("ketamine side effects", SearchMode.LEXICAL).total(), page.byWords());
        assertTrue(page.total() >= page.byWords());
        assertFalse(first.snippet().marks().isEmpty());
    }

    @Test
    void hybridCountsTheWordMatchesApartFromThePassagesRelatedByMeaningOnly() throws Exception {
        for (String query : List.of("midazolam", "is it harmful", "placebo")) {
            SearchPage hybrid = search(query, SearchMode.HYBRID);
            assertEquals(search(query, SearchMode.LEXICAL).total(), hybrid.byWords(), query);
            // Every passage of the seed is among the 100 nearest, most of them by meaning only.
            assertTrue(hybrid.total() > hybrid.byWords(), query + ": " + hybrid.total() + " / " + hybrid.byWords());
        }
    }

    @Test
    void semanticRanksByMeaningAlone() throws Exception {
        SearchPage page = search("is it harmful", SearchMode.SEMANTIC);
        assertEquals(SearchMode.SEMANTIC, page.mode());
        // The seed's best judged answer to "is ketamine safe?" (grade 2), found with none of its words.
        assertEquals(SEED + ".faq-is-ketamine-safe-for-treating-depression.1", page.hits().get(0).id());
        assertEquals(MatchedBy.MEANING, page.hits().get(0).matchedBy());
        assertEquals(0, search("is it harmful", SearchMode.LEXICAL).total(), "only stop words and one unknown word");
    }

    @Test
    void queriesWithSyntaxStayExact() throws Exception {
        for (String q : List.of("\"rapid and robust\"", "title:sleep", "ketam*", "ketamine AND midazolam")) {
            SearchPage hybrid = search(q, SearchMode.HYBRID);
            SearchPage lexical = search(q, SearchMode.LEXICAL);
            assertEquals(SearchMode.LEXICAL, hybrid.mode(), q);
            assertEquals(ids(lexical), ids(hybrid), q);
            assertEquals(lexical.total(), hybrid.total(), q);
            assertTrue(hybrid.hits().stream().allMatch(h -> h.matchedBy() == MatchedBy.WORDS), q);
        }
    }

    @Test
    void filtersHoldForMeaningCandidatesToo() throws Exception {
        SearchPage page = engine.search(new SearchRequest("feeling down", 1, 10, "sleep", null, true, SearchMode.HYBRID));
        assertFalse(page.hits().isEmpty());
        assertTrue(page.hits().stream().allMatch(h -> h.article().equals("sleep")), ids(page).toString());
        assertEquals(page.hits().size(), page.total(), "counted within the filter");
    }

    @Test
    void relatedPassagesComeNearestFirstAndSplitByArticle() throws Exception {
        RelatedPassages related = engine.related(INTRO, 3).orElseThrow();
        assertEquals(3, related.sameArticle().size());
        assertTrue(related.sameArticle().stream().noneMatch(i -> i.id().equals(INTRO)), "never itself");
        assertTrue(related.sameArticle().stream().allMatch(i -> i.article().equals(SEED)));
        assertFalse(related.otherArticles().isEmpty(), "the sleep article is near a depression passage");
        assertTrue(related.otherArticles().stream().allMatch(i -> i.article().equals("sleep")));
        for (int i = 1; i < related.sameArticle().size(); i++) {
            assertTrue(related.sameArticle().get(i - 1).similarity() >= related.sameArticle().get(i).similarity());
        }
        assertTrue(engine.related("no-such.passage.1", 3).isEmpty());
    }

    @Test
    void rankByMeaningBeatsWordsForAQuestionInOtherWords() throws Exception {
        List<RankedId> lexical = engine.rank("fast-acting", 5, false, false, SearchMode.LEXICAL);
        List<RankedId> hybrid = engine.rank("fast-acting", 5, false, false, SearchMode.HYBRID);
        assertFalse(lexical.stream().anyMatch(r -> r.id().equals(INTRO)));
        assertTrue(hybrid.stream().anyMatch(r -> r.id().equals(INTRO)), hybrid.toString());
    }

    @Test
    void anEngineWithoutVectorsAnswersLexically() throws Exception {
        Path plain = tmp.resolve("plain-index");
        new Indexer(new CorpusReader()).rebuild(tmp.resolve("corpus"), plain);
        try (LuceneSearchEngine words = LuceneSearchEngine.openForQueries(plain, Duration.ofSeconds(30),
                SharedMeaning.embedder())) {
            SearchPage page = words.search(new SearchRequest("SSRI", 1, 3, null, null, true, SearchMode.SEMANTIC));
            assertEquals(SearchMode.LEXICAL, page.mode());
            assertEquals(0, page.total());
            assertEquals(RelatedPassages.NONE, words.related(INTRO, 3).orElseThrow());
            assertEquals(0, words.state().withMeaning());
            assertFalse(words.state().meaningOn());
        }
        assertTrue(engine.state().meaningOn());
    }
}
