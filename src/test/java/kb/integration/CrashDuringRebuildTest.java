package kb.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import kb.corpus.CorpusReader;
import kb.index.Fields;
import kb.index.Indexer;
import kb.search.SearchLimits;
import kb.search.SearchPage;
import kb.search.SearchRequest;
import kb.search.LuceneSearchEngine;
import kb.testing.SeedExtension;
import kb.testing.TestSeed;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kb index} in a child JVM, killed with SIGKILL at random moments while it updates a 2,000-article corpus,
 * again and again: after every kill the index opens at its last commit, serves one whole generation (the previous
 * one, or the new one when the commit landed before the kill), and CheckIndex finds it clean.
 */
@ExtendWith(SeedExtension.class)
class CrashDuringRebuildTest {
    /** Fifteen rounds keep the suite quick; {@code -Dkb.crash.rounds=200} runs a longer campaign. */
    private static final int ROUNDS = Integer.getInteger("kb.crash.rounds", 15);

    @TempDir
    Path tmp;

    @Test
    void killedUpdatesLeaveTheLastCommitServingAndClean(TestSeed seed) throws Exception {
        Random random = seed.random();
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        Path index = tmp.resolve("index");
        TwoGenerations gens = new TwoGenerations(1_000, 2, 900, 3);
        gens.write(corpus, true);
        new Indexer(new CorpusReader()).update(corpus, index);
        char serving = 'A';

        // How long an undisturbed run takes, so kills land anywhere in it, including just before and after the commit.
        gens.write(corpus, false);
        long started = System.nanoTime();
        Process timed = child(corpus, index, false);
        assertTrue(timed.waitFor(120, TimeUnit.SECONDS), "an undisturbed run finishes");
        assertEquals(0, timed.exitValue());
        long runMillis = (System.nanoTime() - started) / 1_000_000;
        serving = check(index, gens, "B", "undisturbed run");

        int killed = 0;
        int finished = 0;
        int killedBeforeCommit = 0;
        List<Long> delays = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            String context = seed + ", round " + round;
            boolean writeA = serving == 'B';
            gens.write(corpus, writeA);
            // Half the kills anywhere in the run, half around its end, where the commit is written.
            double at = round % 2 == 0 ? random.nextDouble() : 0.8 + random.nextDouble() * 0.4;
            long delay = (long) (at * runMillis);
            delays.add(delay);
            Process p = child(corpus, index, round % 2 == 1);
            if (p.waitFor(delay, TimeUnit.MILLISECONDS)) {
                assertEquals(0, p.exitValue(), context + ": a run that was not killed succeeds");
                finished++;
                serving = check(index, gens, writeA ? "A" : "B", context);
            } else {
                p.destroyForcibly();
                assertTrue(p.waitFor(30, TimeUnit.SECONDS));
                killed++;
                char before = serving;
                // Killed: either the commit had not landed (the previous generation) or it had (the new one).
                serving = check(index, gens, "AB", context);
                if (serving == before) {
                    killedBeforeCommit++;
                }
            }
        }
        assertTrue(killedBeforeCommit > 0, "some kills landed before the commit: " + delays);
        Figures.record("crash", killed + " child processes killed with SIGKILL during an update of 1,000 articles ("
                + killedBeforeCommit + " before their commit landed), " + finished + " finished; after every one the index "
                + "opened at its last commit with one whole generation and CheckIndex clean (undisturbed run "
                + runMillis + " ms, " + seed + ")");
    }

    /** Asserts the index holds one whole generation among {@code allowed} and is clean; returns which. */
    private static char check(Path index, TwoGenerations gens, String allowed, String context) throws Exception {
        char gen;
        try (Directory dir = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(dir)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            int marker = searcher.count(new TermQuery(new Term(Fields.TEXT, "marker")));
            int a = searcher.count(new TermQuery(new Term(Fields.TEXT, TwoGenerations.WORD_A)));
            int b = searcher.count(new TermQuery(new Term(Fields.TEXT, TwoGenerations.WORD_B)));
            if (a == gens.passagesA() && b == 0 && marker == a) {
                gen = 'A';
            } else if (b == gens.passagesB() && a == 0 && marker == b) {
                gen = 'B';
            } else {
                throw new AssertionError(context + ": a mixed index: " + a + " A, " + b + " B, " + marker + " marker passages");
            }
            try (CheckIndex check = new CheckIndex(dir)) {
                assertTrue(check.checkIndex().clean, context + ": CheckIndex");
            }
        }
        assertTrue(allowed.indexOf(gen) >= 0, context + ": serves generation " + gen + ", expected " + allowed);
        // And kb itself serves it.
        try (LuceneSearchEngine search = LuceneSearchEngine.open(index)) {
            SearchPage page = search.search(new SearchRequest("marker", 1, 10, null, null, false));
            int expected = gen == 'A' ? gens.passagesA() : gens.passagesB();
            // kb counts up to its exact count; past it, "more than" that many.
            assertEquals(Math.min(expected, SearchLimits.EXACT_COUNT), page.total(), context);
            assertEquals(expected <= SearchLimits.EXACT_COUNT, page.countsExact(), context);
        }
        return gen;
    }

    private static Process child(Path corpus, Path index, boolean full) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                // Words only: this test is about commits, and the model would only slow every child down.
                "-D" + kb.meaning.Meaning.UNAVAILABLE_PROPERTY + "=true",
                "-cp", System.getProperty("java.class.path"), "kb.cli.Main", "index",
                "--corpus", corpus.toString(), "--index", index.toString()));
        if (full) {
            command.add("--full");
        }
        return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }
}
