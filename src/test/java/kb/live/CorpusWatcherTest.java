package kb.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import kb.corpus.CorpusReader;
import kb.index.CorpusFingerprint;
import kb.index.Indexer;
import kb.search.LuceneSearchEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watcher commits only for real corpus changes (never for its own index kept inside the corpus), retries a
 * failed update until it succeeds even when the corpus is back to its indexed state, and holds an update that would
 * delete most of the index without retrying it until the corpus changes.
 */
class CorpusWatcherTest {
    private static final Duration INTERVAL = Duration.ofMillis(50);

    @TempDir
    Path tmp;
    Path corpus;
    final CorpusReader reader = new CorpusReader();
    final AtomicInteger reads = new AtomicInteger();
    final AtomicBoolean failing = new AtomicBoolean();
    final Indexer indexer = new Indexer((dir, kept, sink) -> {
        reads.incrementAndGet();
        if (failing.get()) {
            throw new IOException("simulated: the disk is full");
        }
        return reader.read(dir, kept, sink);
    });

    @BeforeEach
    void corpus() throws IOException {
        corpus = Files.createDirectories(tmp.resolve("corpus"));
        for (int i = 0; i < 30; i++) {
            Files.writeString(corpus.resolve("a" + i + ".md"), "# Article " + i + "\n\nText of article " + i + ".\n");
        }
    }

    @Test
    void anIndexInsideItsOwnCorpusNeverTriggersAnUpdate() throws Exception {
        for (String name : List.of(".kbindex", "index")) {
            Path index = corpus.resolve(name);
            // As `kb serve --watch` does: the fingerprint the watcher starts from is taken before the startup build.
            String beforeBuild = CorpusFingerprint.of(corpus);
            indexer.update(corpus, index);
            try (LuceneSearchEngine search = LuceneSearchEngine.open(index)) {
                Reindexer reindexer = new Reindexer(indexer, corpus, index, search);
                CorpusWatcher watcher = new CorpusWatcher(corpus, reindexer, INTERVAL, beforeBuild);
                long generation = search.state().generation();
                int before = reads.get();
                for (int i = 0; i < 6; i++) {
                    watcher.poll();
                    search.search(kb.search.SearchRequest.of("article")); // searches open files in the index folder
                }
                assertEquals(before, reads.get(), name + ": the watcher read the corpus without a change");
                assertEquals(generation, search.state().generation(), name + ": no commit");
            }
        }
    }

    @Test
    void aFailedUpdateIsRetriedEvenWhenTheCorpusIsBackToItsIndexedState() throws Exception {
        Path index = tmp.resolve("index");
        indexer.update(corpus, index);
        try (LuceneSearchEngine search = LuceneSearchEngine.open(index)) {
            Reindexer reindexer = new Reindexer(indexer, corpus, index, search);
            CorpusWatcher watcher = new CorpusWatcher(corpus, reindexer, INTERVAL, CorpusFingerprint.of(corpus));
            Path extra = corpus.resolve("extra.md");
            Files.writeString(extra, "# Extra\n\nA new article.\n");
            failing.set(true);
            watcher.poll(); // sees the change
            watcher.poll(); // the change held still: update, which fails
            assertEquals(RebuildOutcome.FAILED, reindexer.last().orElseThrow().outcome());

            Files.delete(extra);
            failing.set(false);
            for (int i = 0; i < 20 && !reindexer.last().orElseThrow().succeeded(); i++) {
                Thread.sleep(INTERVAL.toMillis());
                watcher.poll();
            }
            assertEquals(RebuildOutcome.OK, reindexer.last().orElseThrow().outcome(), "retried after the failure");
            assertTrue(!reindexer.last().orElseThrow().needsAttention(), "health is ok again");
        }
    }

    @Test
    void anUpdateThatWouldDeleteMostOfTheIndexIsHeldAndNotRetried() throws Exception {
        Path index = tmp.resolve("index");
        indexer.update(corpus, index);
        try (LuceneSearchEngine search = LuceneSearchEngine.open(index)) {
            int passages = search.state().passages();
            Reindexer reindexer = new Reindexer(indexer, corpus, index, search);
            CorpusWatcher watcher = new CorpusWatcher(corpus, reindexer, INTERVAL, CorpusFingerprint.of(corpus));
            for (int i = 1; i < 30; i++) {
                Files.delete(corpus.resolve("a" + i + ".md"));
            }
            watcher.poll();
            watcher.poll();
            RebuildStatus held = reindexer.last().orElseThrow();
            assertEquals(RebuildOutcome.HELD, held.outcome());
            assertTrue(held.message().contains("corpus looks incomplete: 29 of 30 articles missing"), held.message());
            assertTrue(held.needsAttention());
            assertEquals(passages, search.state().passages(), "still serving every article");

            int readsWhenHeld = reads.get();
            for (int i = 0; i < 5; i++) {
                Thread.sleep(INTERVAL.toMillis());
                watcher.poll();
            }
            assertEquals(readsWhenHeld, reads.get(), "a held update waits for the corpus to change");

            // The files come back exactly as they were (a remount): the next look clears the hold.
            for (int i = 1; i < 30; i++) {
                Files.writeString(corpus.resolve("a" + i + ".md"), "# Article " + i + "\n\nText of article " + i + ".\n");
            }
            watcher.poll();
            watcher.poll();
            assertEquals(RebuildOutcome.OK, reindexer.last().orElseThrow().outcome(), "held no more");
            for (int i = 1; i < 30; i++) {
                Files.delete(corpus.resolve("a" + i + ".md"));
            }
            watcher.poll();
            watcher.poll();
            assertEquals(RebuildOutcome.HELD, reindexer.last().orElseThrow().outcome());

            // The files come back (the copy finished): the next look updates normally.
            for (int i = 1; i < 30; i++) {
                Files.writeString(corpus.resolve("a" + i + ".md"), "# Article " + i + "\n\nText of article " + i + ".\n");
            }
            watcher.poll();
            watcher.poll();
            assertEquals(RebuildOutcome.OK, reindexer.last().orElseThrow().outcome());
            assertEquals(passages, search.state().passages());
        }
    }

    @Test
    void anUpdateThatFindsNothingStillShowsWhatAnotherProcessCommitted() throws Exception {
        Path index = tmp.resolve("index");
        indexer.update(corpus, index);
        try (LuceneSearchEngine search = LuceneSearchEngine.open(index)) {
            Reindexer reindexer = new Reindexer(indexer, corpus, index, search);
            Files.writeString(corpus.resolve("a1.md"), "# Article 1\n\nNow about melatonin.\n");
            new Indexer(reader).update(corpus, index); // `kb index` in another process, while serving
            assertEquals(0, search.search(kb.search.SearchRequest.of("melatonin")).total());
            RebuildStatus status = reindexer.rebuild(Indexer.Mode.INCREMENTAL);
            assertEquals("Nothing changed; the index is up to date.", status.message());
            assertEquals(1, search.search(kb.search.SearchRequest.of("melatonin")).total(), "searchers were refreshed");
        }
    }
}
