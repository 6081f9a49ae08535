package kb.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kb.search.ArticleView;
import kb.search.BadQueryException;
import kb.search.ClusterSearchEngine;
import kb.search.LuceneSearchEngine;
import kb.search.RankedId;
import kb.search.SearchEngine;
import kb.search.SearchHit;
import kb.search.SearchMode;
import kb.search.SearchPage;
import kb.search.SearchRequest;
import kb.solr.testing.SolrTestCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster engine answers as the embedded index does: the seed article and kb's format fixtures indexed both ways
 * (embedded, and into a real 2-shard × 2-replica SolrCloud collection), then every query of the seed judged set
 * must give the same ordered top 10, the same scores, totals, facet counts, articles block, corrections, expansions
 * and snippets; the bad-query cases must be refused with the same message; article pages, passages and
 * completions must be the same.
 */
@Tag(SolrTestCluster.TAG)
class ClusterEqualityTest {
    private static final Path SEED_QUERIES = Path.of("src/test/resources/eval/seed-queries.tsv");
    private static final float SCORE_TOLERANCE = 1e-5f;

    @TempDir
    static Path dir;
    private static SearchEngine embedded;
    private static ClusterSearchEngine cluster;

    @BeforeAll
    static void indexBothWays() throws IOException {
        SolrTestCluster solr = SolrTestCluster.shared();
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.copy(Path.of("corpus/ketamines-for-depression.txt"), corpus.resolve("ketamines-for-depression.txt"));
        Files.copy(Path.of("corpus/synonyms.txt"), corpus.resolve("synonyms.txt"));
        BothWays.copyFormatFixtures(corpus);
        Path index = dir.resolve("index");
        BothWays.index(solr, corpus, index, "equality", dir.resolve("mirror"), "--no-meaning");
        embedded = LuceneSearchEngine.open(index, Duration.ofSeconds(20), null);
        cluster = ClusterSearchEngine.open(SolrNodes.of(solr.nodeUrls(), Duration.ofSeconds(30)), "equality",
                Duration.ofSeconds(20));
    }

    @AfterAll
    static void close() throws Exception {
        BothWays.close(embedded, cluster, "equality");
    }

    static List<String> seedQueries() throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(SEED_QUERIES)) {
            String[] cols = line.split("\t");
            if (cols.length >= 2 && !line.startsWith("#")) {
                out.add(cols[1]);
            }
        }
        assertTrue(out.size() >= 50, "the seed judged set has its queries: " + out.size());
        return out;
    }

    @Test
    void everySeedQueryRanksCountsAndFacetsAsTheEmbeddedIndex() throws Exception {
        int compared = 0;
        for (String q : seedQueries()) {
            for (int page = 1; page <= 2; page++) {
                SearchRequest r = new SearchRequest(q, page, 10, null, null, true, SearchMode.LEXICAL);
                assertSamePage(q + " (page " + page + ")", embedded.search(r), cluster.search(r));
            }
            assertEquals(ids(embedded.rank(q, 10, false, true)), ids(cluster.rank(q, 10, false, true)), q);
            assertEquals(ids(embedded.rank(q, 10, true, true)), ids(cluster.rank(q, 10, true, true)), q);
            compared++;
        }
        assertTrue(compared >= 50);
    }

    @Test
    void filteredSearchesCountAsTheEmbeddedIndex() throws Exception {
        SearchPage all = embedded.search(SearchRequest.of("sleep depression"));
        assertTrue(all.facets().articles().size() >= 2, "the fixture has several articles to filter by");
        for (var article : all.facets().articles()) {
            SearchRequest r = new SearchRequest("sleep depression", 1, 10, article.value(), null, true, SearchMode.LEXICAL);
            assertSamePage("article:" + article.value(), embedded.search(r), cluster.search(r));
        }
        for (var section : all.facets().sections()) {
            SearchRequest r = new SearchRequest("sleep depression", 1, 10, null, section.value(), true, SearchMode.LEXICAL);
            assertSamePage("section:" + section.value(), embedded.search(r), cluster.search(r));
        }
    }

    @Test
    void badQueriesAreRefusedWithTheEmbeddedMessage() throws Exception {
        List<String> bad = List.of("\"unclosed phrase", "title:", "*wildcard", "ketamine AND", "((((((((((((((((((x))))))))))))))))))",
                "x".repeat(1_001), "keta~~", "NOT", "a:b:c:");
        for (String q : bad) {
            String expected = refusal(embedded, q);
            String got = refusal(cluster, q);
            assertEquals(expected, got, q);
        }
    }

    @Test
    void articlesPassagesCompletionsAndExamplesAreTheEmbeddedOnes() throws Exception {
        Optional<ArticleView> a = embedded.article("ketamines-for-depression", "NMDA receptor");
        assertTrue(a.isPresent());
        assertEquals(a, cluster.article("ketamines-for-depression", "NMDA receptor"));
        assertEquals(embedded.article("ketamines-for-depression", null), cluster.article("ketamines-for-depression", null));
        assertEquals(Optional.empty(), cluster.article("no-such-article", null));
        String id = embedded.search(SearchRequest.of("midazolam")).hits().get(0).id();
        assertEquals(embedded.passage(id), cluster.passage(id));
        assertEquals(Optional.empty(), cluster.passage("no-such-passage"));
        // Both engines build their completions in the background, never within a request: wait for them.
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while ((embedded.complete("ket", 8).isEmpty() || cluster.complete("ket", 8).isEmpty())
                && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        for (String typed : List.of("ket", "midaz", "sleep h", "treatment res")) {
            assertEquals(embedded.complete(typed, 8), cluster.complete(typed, 8), typed);
        }
        assertEquals(embedded.examples(), cluster.examples());
        assertEquals(embedded.state().passages(), cluster.state().passages());
        assertEquals(embedded.sourceOf("walking").isPresent(), cluster.sourceOf("walking").isPresent());
    }

    @Test
    void otherSolrClientsGetTheUnifiedHighlighterFromThePostingsOffsets() throws Exception {
        try (var node = SolrTestCluster.shared().newClient(0)) {
            var r = node.query("equality", new org.apache.solr.client.solrj.SolrQuery("text:midazolam").setRows(3)
                    .setHighlight(true));
            assertTrue(r.getResults().getNumFound() > 0);
            assertTrue(r.getHighlighting().values().stream().flatMap(m -> m.values().stream())
                    .flatMap(List::stream).anyMatch(s -> s.toLowerCase(java.util.Locale.ROOT).contains("<em>midazolam</em>")),
                    r.getHighlighting().toString());
        }
    }

    private static String refusal(SearchEngine engine, String q) {
        try {
            engine.search(SearchRequest.of(q));
            return "answered";
        } catch (BadQueryException e) {
            return e.getMessage();
        }
    }

    private static void assertSamePage(String what, SearchPage e, SearchPage c) {
        assertEquals(e.total(), c.total(), what + ": total");
        assertEquals(e.hits().stream().map(SearchHit::id).toList(), c.hits().stream().map(SearchHit::id).toList(),
                what + ": ranked ids");
        for (int i = 0; i < e.hits().size(); i++) {
            SearchHit eh = e.hits().get(i);
            SearchHit ch = c.hits().get(i);
            if (Math.abs(eh.score() - ch.score()) > SCORE_TOLERANCE) {
                fail(what + ": score of " + eh.id() + " " + eh.score() + " vs " + ch.score());
            }
            assertEquals(eh.snippet(), ch.snippet(), what + ": snippet of " + eh.id());
            assertEquals(eh.matches(), ch.matches(), what + ": match offsets of " + eh.id());
        }
        assertEquals(e.facets(), c.facets(), what + ": facets");
        assertEquals(e.articles().stream().map(a -> a.slug() + "=" + a.passages()).toList(),
                c.articles().stream().map(a -> a.slug() + "=" + a.passages()).toList(), what + ": articles block");
        assertEquals(e.correctedQuery(), c.correctedQuery(), what + ": correction");
        assertEquals(e.didYouMean(), c.didYouMean(), what + ": did you mean");
        assertEquals(e.expansions(), c.expansions(), what + ": expansions");
    }

    private static List<String> ids(List<RankedId> ranked) {
        return ranked.stream().map(RankedId::id).toList();
    }
}
