package kb.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import kb.corpus.CorpusReader;
import kb.index.Indexer;
import kb.search.LuceneSearchEngine;
import kb.web.WebApp;
import kb.web.WebConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A serving kb picks up corpus changes: through the admin endpoint, and by watching the folder. */
class LiveServerTest {
    private static final String TOKEN = "correct horse battery staple";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path tmp;
    Path corpus;
    Path index;
    LuceneSearchEngine search;
    WebApp app;
    final CorpusReader reader = new CorpusReader();

    @BeforeEach
    void serve() throws IOException {
        corpus = Files.createDirectories(tmp.resolve("corpus"));
        index = tmp.resolve("index");
        Files.writeString(corpus.resolve("alpha.md"), "# Alpha\n\nAlpha talks about glutamate.\n");
        Files.writeString(corpus.resolve("beta.md"), "# Beta\n\nBeta talks about serotonin.\n");
        new Indexer(reader).update(corpus, index);
        search = LuceneSearchEngine.open(index);
    }

    @AfterEach
    void stop() throws IOException {
        if (app != null) {
            app.stop();
        }
        search.close();
    }

    private Reindexer start(Indexer indexer, String token) {
        Reindexer reindexer = new Reindexer(indexer, corpus, index, search);
        app = new WebApp(search, new WebConfig("127.0.0.1", 0), reindexer, token).start();
        return reindexer;
    }

    @Test
    void healthReportsGenerationPassagesAndTheLastRebuild() throws Exception {
        start(new Indexer(reader), TOKEN);
        JsonNode before = JSON.readTree(get("/health").body());
        assertEquals("ok", before.get("status").asText());
        assertEquals(2, before.get("passages").asInt());
        assertTrue(before.get("generation").asLong() > 0);
        assertTrue(before.get("lastRebuild").isNull());
        JsonNode meaning = before.get("meaning");
        assertEquals("off", meaning.get("state").asText(), "no builder adds vectors here: " + meaning);
        assertEquals(2, meaning.get("passages").asInt());
        assertEquals(0, meaning.get("withMeaning").asInt());
        assertEquals("meaning: 0 of 2 passages", meaning.get("message").asText());

        Files.writeString(corpus.resolve("gamma.md"), "# Gamma\n\nGamma talks about dopamine.\n");
        assertEquals(200, post("/admin/reindex", "Bearer " + TOKEN).statusCode());
        JsonNode after = JSON.readTree(get("/health").body());
        assertEquals(3, after.get("passages").asInt());
        assertTrue(after.get("generation").asLong() > before.get("generation").asLong());
        JsonNode last = after.get("lastRebuild");
        assertEquals("ok", last.get("outcome").asText());
        assertEquals(1, last.get("added").asInt());
        assertEquals(0, last.get("changed").asInt());
        assertEquals(0, last.get("deleted").asInt());
        assertFalse(last.get("startedAt").asText().isEmpty());
        assertFalse(last.get("finishedAt").asText().isEmpty());
        assertFalse(after.get("rebuilding").asBoolean());
    }

    @Test
    void reindexShowsAddedAndChangedArticlesAndDropsDeletedOnesKeepingOtherIds() throws Exception {
        start(new Indexer(reader), TOKEN);
        List<String> alphaIds = ids("glutamate");
        Files.writeString(corpus.resolve("beta.md"), "# Beta\n\nBeta now talks about noradrenaline.\n");
        Files.writeString(corpus.resolve("gamma.md"), "# Gamma\n\nGamma talks about dopamine.\n");
        HttpResponse<String> r = post("/admin/reindex", "Bearer " + TOKEN);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode report = JSON.readTree(r.body());
        assertEquals(List.of(1, 1, 0, 1), List.of(report.get("added").asInt(), report.get("changed").asInt(),
                report.get("deleted").asInt(), report.get("unchanged").asInt()));
        assertEquals(1, total("noradrenaline"));
        assertEquals(0, total("serotonin"));
        assertEquals(1, total("dopamine"));
        assertEquals(alphaIds, ids("glutamate"));

        Files.delete(corpus.resolve("gamma.md"));
        assertEquals(200, post("/admin/reindex", "Bearer " + TOKEN).statusCode());
        assertEquals(0, total("dopamine"));
        assertEquals(404, get("/api/passages/gamma.intro.1").statusCode());
    }

    @Test
    void reindexRefusesMissingOrWrongTokens() throws Exception {
        start(new Indexer(reader), TOKEN);
        for (String header : new String[] {null, "", "Bearer", "Bearer ", "Bearer wrong", "Basic " + TOKEN,
                "Bearer " + TOKEN + "x", "Bearer " + TOKEN.substring(1), TOKEN}) {
            HttpResponse<String> r = post("/admin/reindex", header);
            assertEquals(401, r.statusCode(), "header " + header);
            assertEquals("unauthorized", JSON.readTree(r.body()).get("error").asText());
            assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        }
        assertEquals(200, post("/admin/reindex", "bearer " + TOKEN).statusCode(), "the scheme is case-insensitive");
        assertEquals(400, post("/admin/reindex?mode=everything", "Bearer " + TOKEN).statusCode());
        assertEquals(400, post("/admin/reindex?wait=maybe", "Bearer " + TOKEN).statusCode());
        assertEquals(200, post("/admin/reindex?mode=full&wait=true", "Bearer " + TOKEN).statusCode());
    }

    @Test
    void parametersAreCheckedOnlyAfterTheToken() throws Exception {
        start(new Indexer(reader), TOKEN);
        for (String query : List.of("?mode=everything", "?wait=maybe", "?mode=full&wait=later")) {
            for (String header : new String[] {null, "Bearer wrong-token-of-sufficient-length"}) {
                HttpResponse<String> r = post("/admin/reindex" + query, header);
                assertEquals(401, r.statusCode(), query + " with " + header + " → " + r.body());
                assertEquals("unauthorized", JSON.readTree(r.body()).get("error").asText());
            }
        }
        assertEquals(400, post("/admin/reindex?mode=everything", "Bearer " + TOKEN).statusCode());
    }

    @Test
    void tenWrongTokensFromAnAddressWithinAMinuteBlockItWith429EvenForTheRightToken() throws Exception {
        start(new Indexer(reader), TOKEN);
        for (int i = 1; i <= 10; i++) {
            assertEquals(401, post("/admin/reindex", "Bearer guess-" + i).statusCode(), "attempt " + i);
        }
        HttpResponse<String> eleventh = post("/admin/reindex", "Bearer guess-11");
        assertEquals(429, eleventh.statusCode(), eleventh.body());
        assertEquals("too_many_requests", JSON.readTree(eleventh.body()).get("error").asText());
        assertEquals("no-store", eleventh.headers().firstValue("Cache-Control").orElse(null));
        long retryAfter = Long.parseLong(eleventh.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);

        HttpResponse<String> right = post("/admin/reindex", "Bearer " + TOKEN);
        assertEquals(429, right.statusCode(), "a blocked address learns nothing, not even that a token is right");
        assertTrue(right.headers().firstValue("Retry-After").isPresent());
        assertEquals(200, get("/health").statusCode(), "health stays public");
        assertEquals(405, HTTP.send(request("/admin/reindex").GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void aRightTokenClearsTheCountOfWrongOnes() throws Exception {
        start(new Indexer(reader), TOKEN);
        for (int round = 0; round < 2; round++) {
            for (int i = 1; i <= 9; i++) {
                assertEquals(401, post("/admin/reindex", "Bearer guess-" + i).statusCode());
            }
            assertEquals(200, post("/admin/reindex", "Bearer " + TOKEN).statusCode(), "round " + round);
        }
    }

    @Test
    void aTokenUnder24CharactersIsRefused() {
        Reindexer reindexer = new Reindexer(new Indexer(reader), corpus, index, search);
        for (String token : List.of("q", "correct horse", " " + "x".repeat(23) + " ")) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> new WebApp(search, new WebConfig("127.0.0.1", 0), reindexer, token));
            assertTrue(e.getMessage().contains("at least 24"), e.getMessage());
            assertTrue(e.getMessage().contains("openssl rand -hex 32"), e.getMessage());
        }
    }

    @Test
    void theOpenApiDocumentDescribesHealthAndReindex() throws Exception {
        start(new Indexer(reader), TOKEN);
        JsonNode api = JSON.readTree(get("/api/openapi.json").body());
        assertTrue(api.get("paths").get("/health").has("get"));
        assertTrue(api.get("paths").get("/admin/reindex").get("post").get("responses").has("409"));
        assertTrue(api.get("paths").get("/admin/reindex").get("post").get("responses").has("429"));
        JsonNode status = api.get("components").get("schemas").get("RebuildStatus").get("properties");
        for (String field : List.of("startedAt", "finishedAt", "outcome", "message", "added", "changed", "deleted")) {
            assertTrue(status.has(field), field);
        }
        // The Health and MeaningStatus schemas list exactly the fields /health sends.
        JsonNode health = JSON.readTree(get("/health").body());
        JsonNode schemas = api.get("components").get("schemas");
        assertEquals(names(health), names(schemas.get("Health").get("properties")));
        assertEquals(names(health.get("meaning")), names(schemas.get("MeaningStatus").get("properties")));
        List<String> states = new java.util.ArrayList<>();
        schemas.get("MeaningStatus").get("properties").get("state").get("enum").forEach(v -> states.add(v.asText()));
        assertEquals(List.of(MeaningStatus.BUILDING, MeaningStatus.DONE, MeaningStatus.OFF, MeaningStatus.UNAVAILABLE), states);
        List<String> documented = new java.util.ArrayList<>();
        status.get("outcome").get("enum").forEach(v -> documented.add(v.asText()));
        assertEquals(java.util.Arrays.stream(RebuildOutcome.values()).map(RebuildOutcome::json).toList(), documented,
                "every outcome is documented, under the name the JSON uses");
    }

    @Test
    void reindexIsPostOnly() throws Exception {
        start(new Indexer(reader), TOKEN);
        HttpResponse<String> r = HTTP.send(request("/admin/reindex").header("Authorization", "Bearer " + TOKEN).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, r.statusCode());
        assertEquals("POST", r.headers().firstValue("Allow").orElse(null));
        HttpResponse<String> put = HTTP.send(request("/admin/reindex").header("Authorization", "Bearer " + TOKEN)
                .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, put.statusCode());
    }

    @Test
    void withoutATokenTheAdminEndpointDoesNotExist() throws Exception {
        start(new Indexer(reader), null);
        assertEquals(404, post("/admin/reindex", "Bearer " + TOKEN).statusCode());
        assertEquals(404, post("/admin/reindex", "Bearer ").statusCode());
        assertEquals(200, get("/health").statusCode());
    }

    @Test
    void aSecondReindexWhileOneRunsGets409() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Reindexer reindexer = start(new Indexer((dir, kept, sink) -> {
            entered.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return reader.read(dir, kept, sink);
        }), TOKEN);
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> {
            try {
                return post("/admin/reindex", "Bearer " + TOKEN);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(entered.await(10, TimeUnit.SECONDS));
        assertTrue(reindexer.running());
        assertTrue(JSON.readTree(get("/health").body()).get("rebuilding").asBoolean());
        HttpResponse<String> second = post("/admin/reindex", "Bearer " + TOKEN);
        assertEquals(409, second.statusCode());
        assertEquals("busy", JSON.readTree(second.body()).get("error").asText());
        assertEquals(409, post("/admin/reindex?wait=false", "Bearer " + TOKEN).statusCode());
        release.countDown();
        assertEquals(200, first.get(30, TimeUnit.SECONDS).statusCode());
    }

    @Test
    void reindexWithoutWaitingAnswers202AndHealthShowsTheOutcome() throws Exception {
        start(new Indexer(reader), TOKEN);
        Files.writeString(corpus.resolve("gamma.md"), "# Gamma\n\nGamma talks about dopamine.\n");
        HttpResponse<String> r = post("/admin/reindex?wait=false", "Bearer " + TOKEN);
        assertEquals(202, r.statusCode(), r.body());
        assertTrue(JSON.readTree(r.body()).get("accepted").asBoolean());
        awaitTotal("dopamine", 1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        JsonNode health = JSON.readTree(get("/health").body());
        while (health.get("lastRebuild").isNull() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            health = JSON.readTree(get("/health").body());
        }
        assertEquals("ok", health.get("lastRebuild").get("outcome").asText());
        assertEquals(1, health.get("lastRebuild").get("added").asInt());
    }

    @Test
    void aFailedReindexKeepsServingTheLastGoodIndexAndSaysSo() throws Exception {
        start(new Indexer((dir, kept, sink) -> reader.read(dir, kept, article -> {
            sink.accept(article);
            throw new IllegalStateException("disk on fire");
        })), TOKEN);
        Files.writeString(corpus.resolve("alpha.md"), "# Alpha\n\nAlpha now talks about acetylcholine.\n");
        long generation = search.state().generation();
        HttpResponse<String> r = post("/admin/reindex", "Bearer " + TOKEN);
        assertEquals(500, r.statusCode());
        assertEquals("failed", JSON.readTree(r.body()).get("outcome").asText());
        assertTrue(JSON.readTree(r.body()).get("message").asText().contains("disk on fire"));
        JsonNode health = JSON.readTree(get("/health").body());
        assertEquals("degraded", health.get("status").asText());
        assertEquals(generation, health.get("generation").asLong());
        assertEquals(1, total("glutamate"));
        assertEquals(0, total("acetylcholine"));
    }

    @Test
    void aReindexThatWouldDeleteMostOfTheIndexIsHeldUntilConfirmed() throws Exception {
        for (int i = 0; i < 20; i++) {
            Files.writeString(corpus.resolve("extra-" + i + ".md"), "# Extra " + i + "\n\nExtra article about taurine.\n");
        }
        new Indexer(reader).update(corpus, index);
        search.refresh();
        start(new Indexer(reader), TOKEN);
        for (int i = 0; i < 20; i++) {
            Files.delete(corpus.resolve("extra-" + i + ".md"));
        }
        HttpResponse<String> held = post("/admin/reindex", "Bearer " + TOKEN);
        assertEquals(409, held.statusCode(), held.body());
        assertEquals("held", JSON.readTree(held.body()).get("outcome").asText());
        JsonNode health = JSON.readTree(get("/health").body());
        assertEquals("degraded", health.get("status").asText());
        assertTrue(health.get("lastRebuild").get("message").asText()
                .contains("corpus looks incomplete: 20 of 22 articles missing"), health.toString());
        assertEquals(20, total("taurine"), "nothing was deleted");

        assertEquals(400, post("/admin/reindex?allowDeletions=yes", "Bearer " + TOKEN).statusCode());
        HttpResponse<String> confirmed = post("/admin/reindex?allowDeletions=true", "Bearer " + TOKEN);
        assertEquals(200, confirmed.statusCode(), confirmed.body());
        assertEquals(20, JSON.readTree(confirmed.body()).get("deleted").asInt());
        assertEquals("ok", JSON.readTree(get("/health").body()).get("status").asText());
        assertEquals(0, total("taurine"));
    }

    @Test
    void theWatcherPicksUpAddedChangedAndDeletedFilesWithinSeconds() throws Exception {
        Reindexer reindexer = start(new Indexer(reader), null);
        try (CorpusWatcher watcher = new CorpusWatcher(corpus, reindexer, Duration.ofMillis(100),
                kb.index.CorpusFingerprint.of(corpus)).start()) {
            Files.writeString(corpus.resolve("gamma.md"), "# Gamma\n\nGamma talks about dopamine.\n");
            awaitTotal("dopamine", 1);
            Files.writeString(corpus.resolve("gamma.md"), "# Gamma\n\nGamma now talks about histamine.\n");
            awaitTotal("histamine", 1);
            assertEquals(0, total("dopamine"));
            Files.delete(corpus.resolve("gamma.md"));
            awaitTotal("histamine", 0);
            Files.createDirectories(corpus.resolve("new folder"));
            Files.writeString(corpus.resolve("new folder/delta.md"), "# Delta\n\nDelta talks about melatonin.\n");
            awaitTotal("melatonin", 1);
        }
    }

    private void awaitTotal(String word, long expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        long seen = -1;
        while (System.nanoTime() < deadline) {
            seen = total(word);
            if (seen == expected) {
                return;
            }
            Thread.sleep(50);
        }
        assertEquals(expected, seen, "within 5 s, passages matching " + word);
    }

    private long total(String word) throws Exception {
        HttpResponse<String> r = get("/api/search?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8) + "&correct=0");
        return r.statusCode() == 200 ? JSON.readTree(r.body()).get("total").asLong() : -1;
    }

    private List<String> ids(String word) throws Exception {
        JsonNode hits = JSON.readTree(get("/api/search?q=" + word).body()).get("hits");
        return java.util.stream.StreamSupport.stream(hits.spliterator(), false).map(h -> h.get("id").asText()).toList();
    }

    private static java.util.Set<String> names(JsonNode object) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).timeout(Duration.ofSeconds(30));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String authorization) throws Exception {
        HttpRequest.Builder b = request(path).POST(HttpRequest.BodyPublishers.noBody());
        if (authorization != null && !authorization.isEmpty()) {
            b.header("Authorization", authorization);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
