package kb.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import kb.corpus.CorpusReader;
import kb.index.IndexMeaning;
import kb.index.Indexer;
import kb.index.MeaningSwitch;
import kb.search.IndexState;
import kb.search.LuceneSearchEngine;
import kb.testing.SharedMeaning;
import kb.web.WebApp;
import kb.web.WebConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A served index gets its meaning vectors in the background: budgeted runs through the reindexer, each one
 * committing and refreshing the searchers, other updates in between, until every passage has one; {@code /health}
 * says how far it is.
 */
class MeaningBuilderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    Path corpus;
    Path index;
    LuceneSearchEngine search;
    final SharedMeaning.Counting embedder = SharedMeaning.counting();
    final Indexer indexer = new Indexer(new CorpusReader());
    MeaningBuilder builder;
    WebApp app;

    @BeforeEach
    void lexicalIndex() throws IOException {
        corpus = Files.createDirectories(tmp.resolve("corpus"));
        index = tmp.resolve("index");
        Files.writeString(corpus.resolve("alpha.md"), "# Alpha\n\nKetamine eases depression within hours.\n\n"
                + "Midazolam served as the active placebo.\n");
        Files.writeString(corpus.resolve("beta.md"), "# Beta\n\nSerotonin reuptake inhibitors take weeks.\n");
        Files.writeString(corpus.resolve("gamma.md"), "# Gamma\n\nDopamine shapes reward learning.\n");
        Files.writeString(corpus.resolve("delta.md"), "# Delta\n\nNoradrenaline keeps us alert.\n");
        indexer.update(corpus, index); // as kb serve starts: words only
        search = LuceneSearchEngine.open(index, Duration.ofSeconds(2), embedder);
    }

    @AfterEach
    void stop() throws IOException {
        if (builder != null) {
            builder.close();
        }
        if (app != null) {
            app.stop();
        }
        search.close();
    }

    @Test
    void budgetedRunsAddEveryVectorAndHealthFollowsThem() throws Exception {
        Reindexer reindexer = new Reindexer(indexer, corpus, index, search);
        app = new WebApp(search, new WebConfig("127.0.0.1", 0), reindexer, null).start();
        JsonNode before = health().get("meaning");
        assertEquals("off", before.get("state").asText(), "nothing builds yet");
        assertEquals(5, before.get("passages").asInt());
        assertEquals(0, before.get("withMeaning").asInt());

        builder = MeaningBuilder.start(reindexer, embedder, 2, MeaningSwitch.KEEP);
        long generation = state().generation();
        waitFor(() -> state().meaningOn(), "every passage gets a vector");
        assertTrue(state().generation() >= generation + 3, "at most 2 texts per run: 3 runs, 3 commits");
        assertEquals(5, embedder.take());
        JsonNode done = health().get("meaning");
        assertEquals("done", done.get("state").asText());
        assertEquals(5, done.get("withMeaning").asInt());
        assertEquals("meaning: 5 of 5 passages", done.get("message").asText());
        assertTrue(health().get("lastRebuild").isNull(), "the builder's runs are not the last update");

        // A corpus update keeps the vectors of unchanged text and wakes the builder for the new one.
        Files.writeString(corpus.resolve("epsilon.md"), "# Epsilon\n\nGABA calms neurons down.\n");
        RebuildStatus update = reindexer.rebuild(Indexer.Mode.INCREMENTAL);
        assertEquals(1, update.added());
        waitFor(() -> state().meaningOn() && state().passages() == 6, "the new passage gets its vector");
        assertEquals(1, embedder.take(), "only the new text is embedded");
        assertTrue(IndexMeaning.of(index).complete());
    }

    @Test
    void otherUpdatesTakeTheirTurnBetweenTheBuildersRuns() throws Exception {
        Reindexer reindexer = new Reindexer(indexer, corpus, index, search);
        builder = MeaningBuilder.start(reindexer, embedder, 1, MeaningSwitch.KEEP);
        waitFor(() -> state().withMeaning() >= 1, "the builder has begun");
        Files.writeString(corpus.resolve("epsilon.md"), "# Epsilon\n\nGABA calms neurons down.\n");
        // Waits for the run going on (not refused as busy), then runs between two of the builder's. (The builder's
        // runs are updates too: one of them may have taken the new file in first.)
        java.util.Optional<RebuildStatus> update = reindexer.tryRebuild(Indexer.Mode.INCREMENTAL);
        assertTrue(update.isPresent(), "an update is not refused while the builder runs");
        assertTrue(update.get().succeeded(), update.get().toString());
        assertEquals(6, update.get().passages());
        MeaningStatus building = reindexer.meaningStatus(state());
        waitFor(() -> state().meaningOn() && state().passages() == 6, "then it finishes");
        assertTrue(building.state().equals(MeaningStatus.BUILDING) || state().meaningOn(), building.toString());
        assertEquals(6, embedder.take());
    }

    @Test
    void anIdleBuilderSaysWhyThereIsNoMeaning() {
        IndexState state = new IndexState(3, 10, 0);
        MeaningStatus off = MeaningBuilder.off("search by meaning is off for this index").status(state);
        assertEquals(new MeaningStatus("off", 10, 0, "search by meaning is off for this index"), off);
        MeaningStatus unavailable = MeaningBuilder.unavailable("not here").status(state);
        assertEquals("unavailable", unavailable.state());
        assertEquals("meaning: 1,200 of 36,101 passages", MeaningStatus.counts(new IndexState(1, 36_101, 1_200)));
        assertFalse(MeaningBuilder.off("x").working());
    }

    private IndexState state() {
        try {
            return search.state();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private JsonNode health() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.url() + "health"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out: " + what);
            }
            Thread.sleep(20);
        }
    }
}
