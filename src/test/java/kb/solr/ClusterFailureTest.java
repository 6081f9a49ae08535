package kb.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import kb.cli.KbRun;
import kb.search.ClusterSearchEngine;
import kb.search.SearchHit;
import kb.search.SearchPage;
import kb.search.SearchRequest;
import kb.solr.testing.SolrTestCluster;
import kb.solr.testing.TestCollections;
import kb.web.WebApp;
import kb.web.WebConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a reader sees while the cluster changes under them: a full rebuild during a stream of searches gives no
 * failed and no mixed answer (each is the old collection's or the new one's); a node stopped mid-stream fails no
 * search; a shard with no live replica is a 503 with a plain message from the API, never a 500.
 */
@Tag(SolrTestCluster.TAG)
class ClusterFailureTest {
    private static final List<String> QUERIES = List.of("ketamine", "NMDA receptor", "sleep", "walking benefits",
            "midazolam", "treatment resistant depression");

    @TempDir
    static Path dir;
    private static SolrTestCluster solr;
    private static Path corpus;

    @BeforeAll
    static void corpus() throws IOException {
        solr = SolrTestCluster.shared();
        corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.copy(Path.of("corpus/ketamines-for-depression.txt"), corpus.resolve("ketamines-for-depression.txt"));
        Files.copy(Path.of("src/test/resources/corpus/formats/walking.txt"), corpus.resolve("walking.txt"));
        Files.copy(Path.of("src/test/resources/corpus/formats/sleep-guide.md"), corpus.resolve("sleep-guide.md"));
    }

    @org.junit.jupiter.api.AfterAll
    static void dropCollections() throws Exception {
        for (String alias : List.of("rebuilt", "failover", "single")) {
            TestCollections.drop(solr, alias);
        }
    }

    private static void index(String collection, int replicas, String... more) {
        List<String> args = new ArrayList<>(List.of("index", "--corpus", corpus.toString(), "--solr", String.join(",", solr.nodeUrls()), "--collection", collection,
                "--shards", "2", "--replicas", Integer.toString(replicas), "--mirror",
                dir.resolve("mirror-" + collection).toString(), "--no-meaning"));
        args.addAll(List.of(more));
        KbRun run = KbRun.kb(args.toArray(String[]::new));
        assertEquals(0, run.code(), run.out() + run.err());
    }

    private static ClusterSearchEngine engine(String collection) throws IOException {
        return ClusterSearchEngine.open(SolrNodes.of(solr.nodeUrls(), Duration.ofSeconds(30)), collection,
                Duration.ofSeconds(20));
    }

    /** What a reader can tell answers apart by: the total and the ranked ids. */
    private static String answer(SearchPage page) {
        return page.total() + " " + page.hits().stream().map(SearchHit::id).toList();
    }

    @Test
    void aFullRebuildDuringSearchesGivesNoFailedAndNoMixedAnswers() throws Exception {
        index("rebuilt", 2);
        try (ClusterSearchEngine engine = engine("rebuilt")) {
            Set<String> before = new HashSet<>();
            for (String q : QUERIES) {
                before.add(q + " → " + answer(engine.search(SearchRequest.of(q))));
            }
            // The new build differs in every answer's total: one more article with all the words searched.
            Files.writeString(corpus.resolve("added.md"), "# Added\n\nKetamine, NMDA receptor, sleep, walking "
                    + "benefits, midazolam and treatment resistant depression, all in one new passage.\n");
            ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Throwable> failed = new ConcurrentLinkedQueue<>();
            AtomicBoolean running = new AtomicBoolean(true);
            Thread stream = new Thread(() -> {
                int i = 0;
                while (running.get()) {
                    String q = QUERIES.get(i++ % QUERIES.size());
                    try {
                        seen.add(q + " → " + answer(engine.search(SearchRequest.of(q))));
                    } catch (Exception | Error e) {
                        failed.add(e);
                    }
                }
            });
            stream.start();
            try {
                index("rebuilt", 2, "--full");
                Thread.sleep(2_500);
            } finally {
                running.set(false);
                stream.join();
                Files.delete(corpus.resolve("added.md"));
            }
            Set<String> after = new HashSet<>();
            for (String q : QUERIES) {
                after.add(q + " → " + answer(engine.search(SearchRequest.of(q))));
            }
            assertTrue(failed.isEmpty(), "failed searches: " + failed);
            assertTrue(after.stream().noneMatch(before::contains), "the rebuild changed every answer");
            List<String> mixed = seen.stream().filter(a -> !before.contains(a) && !after.contains(a)).toList();
            assertEquals(List.of(), mixed, "answers neither from the old collection nor from the new one");
            assertTrue(seen.size() > QUERIES.size(), "searches ran during the rebuild: " + seen.size());
            System.out.println("[kb] full rebuild under searches: " + seen.size() + " answered, 0 failed, 0 mixed");
        }
    }

    @Test
    void aNodeStoppedMidStreamFailsNoSearch() throws Exception {
        index("failover", 2);
        try (ClusterSearchEngine engine = engine("failover")) {
            AtomicInteger answered = new AtomicInteger();
            ConcurrentLinkedQueue<Throwable> failed = new ConcurrentLinkedQueue<>();
            AtomicBoolean running = new AtomicBoolean(true);
            Thread stream = new Thread(() -> {
                int i = 0;
                while (running.get()) {
                    try {
                        engine.search(SearchRequest.of(QUERIES.get(i++ % QUERIES.size())));
                        answered.incrementAndGet();
                    } catch (Exception | Error e) {
                        failed.add(e);
                    }
                }
            });
            stream.start();
            int beforeStop;
            int whileStopped;
            try {
                Thread.sleep(1_000);
                beforeStop = answered.get();
                solr.stopNode(1);
                Thread.sleep(4_000);
                whileStopped = answered.get() - beforeStop;
            } finally {
                running.set(false);
                stream.join();
                solr.startNode(1);
            }
            assertTrue(failed.isEmpty(), "failed searches: " + failed);
            assertTrue(whileStopped > 0, "searches were answered with a node down");
            System.out.println("[kb] node stopped under searches: " + answered.get() + " answered, 0 failed");
        }
    }

    @Test
    void aShardWithNoLiveReplicaIsA503WithAPlainMessage() throws Exception {
        index("single", 1);
        try (ClusterSearchEngine engine = engine("single")) {
            WebApp app = new WebApp(engine, new WebConfig("127.0.0.1", 0)).start();
            HttpClient http = HttpClient.newHttpClient();
            URI uri = URI.create(app.url() + "api/search?q=" + URLEncoder.encode("ketamine", StandardCharsets.UTF_8));
            // The node holding the first shard's only replica: stopped, that shard has none left.
            String holder = engine.cluster().orElseThrow().shards().get(0).leader();
            int node = -1;
            for (int i = 0; i < solr.nodeUrls().size(); i++) {
                if (solr.nodeUrls().get(i).replaceFirst("^http://", "").replace("/solr", "_solr").equals(holder)) {
                    node = i;
                }
            }
            assertTrue(node >= 0, "the shard's node " + holder + " is one of " + solr.nodeUrls());
            try {
                assertEquals(200, http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode());
                solr.stopNode(node);
                HttpResponse<String> down = http.send(HttpRequest.newBuilder(uri).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(503, down.statusCode(), down.body());
                assertTrue(down.body().contains("\"error\":\"unavailable\""), down.body());
                assertTrue(!down.body().contains("Exception") && !down.body().contains("\tat "), down.body());
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(app.url() + "health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertTrue(health.body().contains("\"status\":\"down\""), health.body());
            } finally {
                solr.startNode(node);
                app.stop();
            }
        }
    }
}
