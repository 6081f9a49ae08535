package kb.solr.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kb.corpus.CorpusReader;
import kb.index.IndexProgress;
import kb.index.Indexer;
import kb.search.ClusterSearchEngine;
import kb.search.LuceneSearchEngine;
import kb.search.SearchHit;
import kb.search.SearchMode;
import kb.search.SearchPage;
import kb.search.SearchRequest;
import kb.solr.SolrNodes;
import kb.solr.testing.SolrClusterTest;
import kb.solr.testing.SolrTestCluster;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code kb index --solr} builds answers as the embedded index it mirrors: over 2 shards × 2 replicas, the
 * cluster engine gives every seed query the mirror's ordered hits, total, facets, corrections and expansions.
 */
@SolrClusterTest
class ClusterAnswersTest {
    @TempDir
    Path tmp;

    @Test
    void theCollectionAnswersEverySeedQueryAsTheMirrorDoes() throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        try (var files = Files.list(Path.of("corpus"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, corpus.resolve(f.getFileName()));
            }
        }
        Files.copy(Path.of("src/test/resources/eval/fixture/corpus.jsonl"), corpus.resolve("fixture.jsonl"));
        Path mirror = tmp.resolve("mirror");
        String alias = "kbans_" + Long.toHexString(System.nanoTime());
        List<String> urls = SolrTestCluster.shared().nodeUrls();
        try (SolrNodes nodes = SolrNodes.of(urls, Duration.ofMinutes(2))) {
            new SolrIndexer(nodes, new Indexer(new CorpusReader()), Clock.systemUTC()).index(corpus, mirror,
                    new SolrIndexer.Target(alias, 2, 2), Indexer.Mode.INCREMENTAL, IndexProgress.NONE,
                    Indexer.Options.DEFAULT);
            try (LuceneSearchEngine embedded = LuceneSearchEngine.open(mirror);
                    ClusterSearchEngine cluster = ClusterSearchEngine.open(SolrNodes.of(urls, Duration.ofMinutes(1)),
                            alias, Duration.ofSeconds(30))) {
                List<String> queries = new ArrayList<>();
                for (String line : Files.readAllLines(Path.of("src/test/resources/eval/seed-queries.tsv"))) {
                    queries.add(line.split("\t", 2)[1]);
                }
                for (String q : queries) {
                    SearchRequest request = new SearchRequest(q, 1, 10, null, null, true, SearchMode.LEXICAL);
                    SearchPage want = embedded.search(request);
                    SearchPage got = cluster.search(request);
                    assertEquals(ids(want), ids(got), q);
                    assertEquals(want.total(), got.total(), q);
                    assertEquals(want.facets(), got.facets(), q);
                    assertEquals(want.correctedQuery(), got.correctedQuery(), q);
                    assertEquals(want.didYouMean(), got.didYouMean(), q);
                    assertEquals(want.expansions(), got.expansions(), q);
                }
            }
        } finally {
            try (SolrNodes nodes = SolrNodes.of(urls, Duration.ofMinutes(1))) {
                List<String> behind = new Cluster(nodes).alias(alias).orElse(List.of());
                nodes.process(CollectionAdminRequest.deleteAlias(alias), null);
                for (String c : behind) {
                    nodes.process(CollectionAdminRequest.deleteCollection(c), null);
                }
            }
        }
    }

    private static List<String> ids(SearchPage page) {
        return page.hits().stream().map(SearchHit::id).toList();
    }
}
