package kb.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.index.IndexWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.Consumer;
import kb.corpus.Article;
import kb.corpus.CorpusReader;
import kb.index.Fields;
import kb.index.Indexer;
import kb.testing.SeedExtension;
import kb.testing.TestSeed;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.tests.store.MockDirectoryWrapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Index updates on a directory that fails: writes that throw at random, a disk that fills up, a corpus reader that
 * throws half-way. Each failed update leaves the served index as it was, the directory's last commit unchanged,
 * and Lucene's CheckIndex finds the index clean; the next update without faults succeeds.
 */
@ExtendWith(SeedExtension.class)
class FaultInjectionTest {
    private static final int RANDOM_IO_RUNS = 40;
    private static final int DISK_FULL_RUNS = 25;
    private static final int THROWING_READER_RUNS = 15;

    @TempDir
    Path tmp;

    @Test
    void failedUpdatesLeaveTheLastCommitServingAndClean(TestSeed seed) throws Exception {
        Random random = seed.random();
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        TwoGenerations gens = new TwoGenerations(30, 3, 25, 4);
        gens.write(corpus, true);
        CorpusReader reader = new CorpusReader();
        Indexer indexer = new Indexer(reader);
        int failed = 0;
        int succeeded = 0;
        int faultsInjected = 0;
        // Background merges hit the injected faults too; Lucene reports those on the merge thread. Count them
        // instead of letting each print a stack trace (the update they belong to fails and rolls back).
        java.util.concurrent.atomic.AtomicInteger mergeFaults = new java.util.concurrent.atomic.AtomicInteger();
        Thread.UncaughtExceptionHandler previousHandler = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (thread.getName().startsWith("Lucene Merge Thread")) {
                mergeFaults.incrementAndGet();
            } else if (previousHandler != null) {
                previousHandler.uncaughtException(thread, e);
            } else {
                e.printStackTrace();
            }
        });
        try (MockDirectoryWrapper dir = new MockDirectoryWrapper(random, new ByteBuffersDirectory())) {
            dir.setCheckIndexOnClose(false);
            dir.setThrottling(MockDirectoryWrapper.Throttling.NEVER);
            dir.setUseSlowOpenClosers(false);
            indexer.index(corpus, dir, Indexer.Mode.FULL);
            boolean servingA = true;
            for (int run = 0; run < RANDOM_IO_RUNS + DISK_FULL_RUNS + THROWING_READER_RUNS; run++) {
                String context = seed + ", run " + run;
                boolean writeA = !servingA;
                gens.write(corpus, writeA);
                Indexer.Mode mode = random.nextBoolean() ? Indexer.Mode.FULL : Indexer.Mode.INCREMENTAL;
                long generationBefore;
                try (DirectoryReader served = DirectoryReader.open(dir)) {
                    generationBefore = served.getIndexCommit().getGeneration();
                    Indexer runIndexer = indexer;
                    if (run < RANDOM_IO_RUNS) {
                        dir.setRandomIOExceptionRate(0.002 + random.nextDouble() * 0.05);
                        dir.setRandomIOExceptionRateOnOpen(random.nextDouble() * 0.02);
                    } else if (run < RANDOM_IO_RUNS + DISK_FULL_RUNS) {
                        // Room for a little more than the index holds now: the update runs out of space part-way.
                        dir.setMaxSizeInBytes(dir.sizeInBytes() + random.nextInt((int) Math.max(1, dir.sizeInBytes() / 2)));
                    } else {
                        int failAt = 1 + random.nextInt(25);
                        runIndexer = new Indexer((d, kept, sink) -> reader.read(d, kept, throwingAfter(failAt, sink)));
                    }
                    boolean threw = false;
                    try {
                        runIndexer.index(corpus, dir, mode);
                    } catch (IOException | RuntimeException e) {
                        threw = true;
                    } finally {
                        dir.setRandomIOExceptionRate(0);
                        dir.setRandomIOExceptionRateOnOpen(0);
                        dir.setMaxSizeInBytes(0);
                    }
                    // What a searcher opened before the update sees is untouched, failure or not.
                    assertEquals(servingA ? gens.passagesA() : gens.passagesB(), count(served, "marker"), context);
                    try (DirectoryReader latest = DirectoryReader.open(dir)) {
                        if (threw) {
                            failed++;
                            faultsInjected++;
                            assertEquals(generationBefore, latest.getIndexCommit().getGeneration(), context + ": no new commit");
                            if (run >= RANDOM_IO_RUNS && run < RANDOM_IO_RUNS + DISK_FULL_RUNS) {
                                // A full disk must not stay full: the failed run's files are gone again.
                                Set<String> left = new TreeSet<>(Arrays.asList(dir.listAll()));
                                left.remove(IndexWriter.WRITE_LOCK_NAME);
                                assertEquals(new TreeSet<>(latest.getIndexCommit().getFileNames()), left,
                                        context + ": only the last commit's files remain");
                            }
                            assertEquals(servingA ? gens.passagesA() : gens.passagesB(), count(latest, "marker"), context);
                        } else {
                            succeeded++;
                            servingA = writeA;
                            assertEquals(writeA ? gens.passagesA() : gens.passagesB(), count(latest, "marker"), context);
                            assertEquals(0, count(latest, writeA ? TwoGenerations.WORD_B : TwoGenerations.WORD_A), context);
                        }
                    }
                }
                assertClean(dir, context);
            }
            // With the faults gone, the next update goes through.
            gens.write(corpus, !servingA);
            indexer.index(corpus, dir, Indexer.Mode.INCREMENTAL);
            try (DirectoryReader latest = DirectoryReader.open(dir)) {
                assertEquals(servingA ? gens.passagesB() : gens.passagesA(), count(latest, "marker"));
            }
            assertClean(dir, "final update");
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previousHandler);
        }
        assertTrue(failed >= (RANDOM_IO_RUNS + DISK_FULL_RUNS + THROWING_READER_RUNS) / 2,
                "most runs should hit a fault; only " + failed + " failed");
        Figures.record("faults", faultsInjected + " updates failed by injected faults (" + RANDOM_IO_RUNS
                + " runs with random I/O errors, " + DISK_FULL_RUNS + " with a disk that fills up, " + THROWING_READER_RUNS
                + " with a reader that throws half-way; " + succeeded + " runs got through; " + mergeFaults.get()
                + " more faults hit background merges), every failure left the last "
                + "commit serving, CheckIndex clean " + (RANDOM_IO_RUNS + DISK_FULL_RUNS + THROWING_READER_RUNS + 1)
                + " times (" + seed + ")");
    }

    private static Consumer<Article> throwingAfter(int articles, Consumer<Article> sink) {
        int[] seen = {0};
        return article -> {
            if (++seen[0] == articles) {
                throw new IllegalStateException("simulated failure after " + articles + " articles");
            }
            sink.accept(article);
        };
    }

    private static int count(DirectoryReader reader, String word) throws IOException {
        return new IndexSearcher(reader).count(new TermQuery(new Term(Fields.TEXT, word)));
    }

    private static void assertClean(MockDirectoryWrapper dir, String context) throws IOException {
        try (CheckIndex check = new CheckIndex(dir)) {
            assertTrue(check.checkIndex().clean, context + ": CheckIndex");
        }
    }
}
