package kb.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import kb.search.ClusterSearchEngine;
import kb.search.LuceneSearchEngine;
import kb.search.MatchedBy;
import kb.search.RankedId;
import kb.search.SearchEngine;
import kb.search.SearchHit;
import kb.search.SearchMode;
import kb.search.SearchPage;
import kb.search.SearchRequest;
import kb.solr.testing.SolrTestCluster;
import kb.testing.SharedMeaning;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search by meaning on a cluster answers as on the embedded index: kb's format fixtures indexed with their vectors
 * both ways; hybrid and semantic searches must rank, count, facet and label each hit (by words, by meaning, by both)
 * alike, and a passage's related passages must be the same.
 */
@Tag(SolrTestCluster.TAG)
class ClusterMeaningTest {
    private static final List<String> QUERIES = List.of("how much should I walk", "trouble falling asleep at night",
            "exercise and mood", "randomized trial results", "sleep", "walking");

    @TempDir
    static Path dir;
    private static SearchEngine embedded;
    private static ClusterSearchEngine cluster;

    @BeforeAll
    static void indexBothWaysWithVectors() throws IOException {
        SolrTestCluster solr = SolrTestCluster.shared();
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        BothWays.copyFormatFixtures(corpus);
        Path index = dir.resolve("index");
        BothWays.index(solr, corpus, index, "meaning", dir.resolve("mirror"));
        embedded = LuceneSearchEngine.openForQueries(index, Duration.ofSeconds(20), SharedMeaning.embedder());
        cluster = ClusterSearchEngine.open(SolrNodes.of(solr.nodeUrls(), Duration.ofSeconds(30)), "meaning",
                Duration.ofSeconds(20), SharedMeaning.embedder());
    }

    @AfterAll
    static void close() throws Exception {
        BothWays.close(embedded, cluster, "meaning");
    }

    @Test
    void hybridAndSemanticSearchesAnswerAsTheEmbeddedIndex() throws Exception {
        int byMeaningOnly = 0;
        for (SearchMode mode : List.of(SearchMode.HYBRID, SearchMode.SEMANTIC)) {
            for (String q : QUERIES) {
                SearchRequest r = new SearchRequest(q, 1, 10, null, null, true, mode);
                SearchPage e = embedded.search(r);
                SearchPage c = cluster.search(r);
                String what = mode + " " + q;
                assertEquals(mode, e.mode(), what + ": the embedded index searches by meaning");
                assertEquals(e.mode(), c.mode(), what);
                assertEquals(e.total(), c.total(), what + ": total");
                assertEquals(e.byWords(), c.byWords(), what + ": found by words");
                assertEquals(e.hits().stream().map(h -> h.id() + " " + h.matchedBy()).toList(),
                        c.hits().stream().map(h -> h.id() + " " + h.matchedBy()).toList(), what + ": ranked ids");
                for (int i = 0; i < e.hits().size(); i++) {
                    assertEquals(e.hits().get(i).score(), c.hits().get(i).score(), 1e-5f, what);
                    assertEquals(e.hits().get(i).snippet(), c.hits().get(i).snippet(), what);
                }
                assertEquals(e.facets(), c.facets(), what + ": facets");
                assertEquals(e.articles().stream().map(a -> a.slug() + "=" + a.passages()).toList(),
                        c.articles().stream().map(a -> a.slug() + "=" + a.passages()).toList(), what + ": articles");
                assertEquals(ids(embedded.rank(q, 10, true, true, mode)), ids(cluster.rank(q, 10, true, true, mode)), what);
                byMeaningOnly += (int) e.hits().stream().filter(h -> h.matchedBy() == MatchedBy.MEANING).count();
            }
        }
        assertTrue(byMeaningOnly > 0, "some hits were found by meaning alone");
    }

    @Test
    void relatedPassagesAreTheEmbeddedOnes() throws Exception {
        for (SearchHit hit : embedded.search(SearchRequest.of("walking")).hits()) {
            assertEquals(embedded.related(hit.id(), 5), cluster.related(hit.id(), 5), hit.id());
        }
        assertEquals(embedded.state().withMeaning(), cluster.state().withMeaning());
    }

    private static List<String> ids(List<RankedId> ranked) {
        return ranked.stream().map(RankedId::id).toList();
    }
}
