package kb.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import kb.corpus.CorpusReader;
import kb.index.Indexer;
import kb.live.Reindexer;
import kb.search.LuceneSearchEngine;
import kb.web.WebApp;
import kb.web.WebConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Client threads search over HTTP without pause while the corpus flips between two generations and is re-indexed
 * through the admin endpoint, alternately incrementally and in full: no request fails, and every answer (its
 * total and every hit) comes from exactly one generation.
 */
class LoadDuringRebuildTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "load-test-token-0123456789abcdef";
    private static final int CLIENTS = 3;
    private static final int REBUILDS = 20;

    @TempDir
    Path tmp;

    @Test
    void searchesDuringRebuildsSeeOneWholeGenerationAndNeverFail() throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        Path index = tmp.resolve("index");
        TwoGenerations gens = new TwoGenerations(30, 3, 25, 4);
        gens.write(corpus, true);
        new Indexer(new CorpusReader()).update(corpus, index);

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong served = new AtomicLong();
        AtomicLong answersA = new AtomicLong();
        AtomicLong answersB = new AtomicLong();
        Queue<String> problems = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        int rebuildsOk = 0;
        try (LuceneSearchEngine search = LuceneSearchEngine.open(index)) {
            Reindexer reindexer = new Reindexer(new Indexer(new CorpusReader()), corpus, index, search);
            WebApp app = new WebApp(search, new WebConfig("127.0.0.1", 0), reindexer, TOKEN).start();
            try {
                String base = "http://127.0.0.1:" + app.port();
                URI query = URI.create(base + "/api/search?q=marker&size=100&correct=0");
                List<Future<?>> running = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    running.add(clients.submit(() -> {
                        while (!stop.get()) {
                            try {
                                HttpResponse<String> r = http.send(HttpRequest.newBuilder(query).timeout(Duration.ofSeconds(30))
                                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                                char gen = check(r, gens, problems);
                                (gen == 'A' ? answersA : answersB).incrementAndGet();
                                served.incrementAndGet();
                            } catch (Exception e) {
                                problems.add("request failed: " + e);
                            }
                        }
                    }));
                }
                boolean a = true;
                for (int i = 0; i < REBUILDS; i++) {
                    a = !a;
                    gens.write(corpus, a);
                    long before = served.get();
                    HttpRequest post = HttpRequest.newBuilder(URI.create(base + "/admin/reindex" + (i % 2 == 0 ? "" : "?mode=full")))
                            .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody())
                            .timeout(Duration.ofSeconds(60)).build();
                    HttpResponse<String> r = http.send(post, HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, r.statusCode(), r.body());
                    rebuildsOk++;
                    JsonNode after = JSON.readTree(http.send(HttpRequest.newBuilder(query).GET().build(),
                            HttpResponse.BodyHandlers.ofString()).body());
                    assertEquals(a ? gens.passagesA() : gens.passagesB(), after.get("total").asInt(),
                            "after rebuild " + i + " the new generation is served");
                    // Let the clients see this generation for a moment before the next flip.
                    long wait = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
                    while (served.get() < before + CLIENTS * 2 && System.nanoTime() < wait) {
                        Thread.sleep(5);
                    }
                }
                stop.set(true);
                for (Future<?> f : running) {
                    f.get(60, TimeUnit.SECONDS);
                }
            } finally {
                stop.set(true);
                app.stop();
            }
        } finally {
            clients.shutdownNow();
        }
        assertEquals(List.of(), List.copyOf(problems).subList(0, Math.min(problems.size(), 10)));
        assertTrue(answersA.get() > 0 && answersB.get() > 0, "both generations were served");
        assertTrue(served.get() >= REBUILDS * CLIENTS, "clients kept querying: " + served.get());
        Figures.record("load", served.get() + " queries over HTTP from " + CLIENTS + " client threads during " + rebuildsOk
                + " rebuilds (half incremental, half full), " + answersA.get() + " answered from generation A, "
                + answersB.get() + " from B, 0 failed, 0 mixed");
    }

    /** The generation the answer came from; records a problem when it failed or mixed generations. */
    private static char check(HttpResponse<String> r, TwoGenerations gens, Queue<String> problems) throws Exception {
        if (r.statusCode() != 200) {
            problems.add("status " + r.statusCode() + ": " + r.body());
            return '?';
        }
        JsonNode page = JSON.readTree(r.body());
        int total = page.get("total").asInt();
        char gen = total == gens.passagesA() ? 'A' : total == gens.passagesB() ? 'B' : '?';
        if (gen == '?') {
            problems.add("total " + total + " is neither generation's count");
        }
        for (JsonNode hit : page.get("hits")) {
            char hitGen = TwoGenerations.generationOf(hit.get("text").asText());
            if (hitGen != gen) {
                problems.add("hit " + hit.get("id").asText() + " is from generation " + hitGen + " in an answer from " + gen);
                break;
            }
        }
        if (page.get("hits").size() != Math.min(total, 100)) {
            problems.add("page holds " + page.get("hits").size() + " hits of " + total);
        }
        return gen;
    }
}
