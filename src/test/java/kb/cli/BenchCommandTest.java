package kb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks that {@code kb bench} runs end to end on a tiny corpus with tiny counts; figures are not asserted. */
class BenchCommandTest {
    @TempDir
    Path tmp;

    @Test
    void benchPrintsEverySectionOnATinyCorpus() throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        Files.copy(Path.of("corpus", "ketamines-for-depression.txt"), corpus.resolve("ketamines-for-depression.txt"));
        Path queries = tmp.resolve("queries.tsv");
        Files.writeString(queries, "1\tketamine depression\n2\tNMDA receptor\n3\t\"unclosed\n");
        KbRun run = KbRun.kb("bench", "--corpus=" + corpus, "--queries=" + queries, "--index=" + tmp.resolve("index"),
                "--warmup=0", "--iterations=1", "--clients=1,2", "--duration=0.2", "--no-startup", "--no-as-text",
                "--modes=off", "--threads=platform,virtual");
        assertEquals(0, run.code(), run.err());
        String out = run.out();
        assertAll(out, "Indexing (full rebuild", "Lucene baseline", "indexing time, kb / minimal loop: ",
                "2 (1 refused", "(0 warm-up + 1 measured passes, ms; the JIT compiled for ", "s of warm-up, the JIT compiling for ",
                "in-process p50, kb / baseline: ", "in-process p99, kb / baseline: ",
                "Where kb's search time goes", "What the field weighting costs", "stemmed text alone",
                "platform request threads (kb's default)", "/api/search p50 at 1 client / kb in-process p50: ",
                "in process on 2 threads: baseline", "p50, HTML page / JSON API", "Search modes: not measured (--modes=off)",
                "Targets (issue 16), this run:", "measured at 2 clients and threads, not 16",
                "start-up to first answer (seed): --no-startup", "p50 growth 1x -> 16x corpus, kb / baseline: --scale 1,4,16");
        // Every target has a row in the closing table, measured or not.
        String table = out.substring(out.indexOf("Targets (issue 16)"));
        for (String figure : new String[] {BenchTargets.IN_PROCESS_P50, BenchTargets.IN_PROCESS_P99, BenchTargets.HTTP_P50,
                BenchTargets.HTTP_THROUGHPUT, BenchTargets.INDEXING, BenchTargets.GROWTH, BenchTargets.STARTUP,
                BenchTargets.HYBRID}) {
            assertTrue(table.lines().anyMatch(l -> l.startsWith(figure) && (l.endsWith("met") || l.endsWith("not measured"))),
                    figure + " in:\n" + table);
        }
        assertEquals(Runtime.version().feature() >= 21, out.contains("virtual request threads, closed loop"), out);
    }

    @Test
    void benchTimesEachSearchModeAndTheQueryEmbedding() throws Exception {
        Path corpus = tinyCorpus();
        Path queries = tmp.resolve("queries.tsv");
        Files.writeString(queries, "1\tketamine depression\n2\tfast-acting antidepressant\n");
        KbRun run = KbRun.kb("bench", "--corpus=" + corpus, "--queries=" + queries, "--warmup=0", "--iterations=1",
                "--no-http", "--no-startup", "--no-phases", "--no-field-costs", "--modes=on");
        assertEquals(0, run.code(), run.err());
        assertAll(run.out(), "Meaning vectors: ", "Search by mode, in process", "lexical", "hybrid", "semantic",
                "query embedding alone", "hybrid p50 <= lexical p50 + 1.2 x query-embedding p50: ");
    }

    @Test
    void benchScalesTheCorpusAndServesTheLargestInASmallHeap() throws Exception {
        Path corpus = tinyCorpus();
        Path queries = tmp.resolve("queries.tsv");
        Files.writeString(queries, "1\tketamine depression\n2\tNMDA receptor\n");
        KbRun run = KbRun.kb("bench", "--corpus=" + corpus, "--queries=" + queries, "--warmup=0", "--iterations=1",
                "--no-http", "--no-startup", "--no-phases", "--no-field-costs", "--modes=off", "--scale=1,2");
        assertEquals(0, run.code(), run.err());
        String out = run.out();
        assertAll(out, "Scale: the corpus copied with shuffled words", "p50 growth 1x -> 2x: kb ",
                "1x and 2x searched in one window, query by query",
                "kb serve with -Xmx512m --no-meaning --query-timeout 30 over the 2x corpus", "2 of 2 searches answered", ": works",
                "measured 1x -> 2x, not 1x -> 16x");
        String table = out.substring(out.indexOf("Scale: the corpus"));
        long passagesAt1 = passages(table, "1x");
        // Shuffled plain text may split into passages a little differently (its headings are guessed from the line).
        assertTrue(passages(table, "2x") >= 1.5 * passagesAt1, "about twice the passages at 2x:\n" + table);
        try (var files = Files.list(corpus)) {
            assertEquals(1, files.count(), "nothing is written into the corpus");
        }
    }

    private Path tinyCorpus() throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        Files.copy(Path.of("corpus", "ketamines-for-depression.txt"), corpus.resolve("ketamines-for-depression.txt"));
        return corpus;
    }

    private static long passages(String table, String size) {
        return table.lines().filter(l -> l.startsWith(size + " ")).findFirst()
                .map(l -> Long.parseLong(l.substring(size.length()).strip().split("\\s+")[0].replace(",", "")))
                .orElseThrow(() -> new AssertionError("no row " + size + " in:\n" + table));
    }

    private static void assertAll(String out, String... expected) {
        for (String e : expected) {
            assertTrue(out.contains(e), "missing \"" + e + "\" in:\n" + out);
        }
    }

    @Test
    void benchHasHelpAndRefusesZeroClients() {
        KbRun help = KbRun.kb("bench", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("Usage: kb bench"), help.out());
        assertEquals(2, KbRun.kb("bench", "--clients=0").code());
        assertEquals(2, KbRun.kb("bench", "--scale=0").code());
        assertEquals(2, KbRun.kb("bench", "--modes=sometimes").code());
        assertEquals(2, KbRun.kb("bench", "--threads=green").code());
        assertTrue(help.out().contains("--modes") && help.out().contains("--scale") && help.out().contains("--threads"), help.out());
    }

    @Test
    void benchSaysWhenTheCorpusIsMissing() {
        KbRun run = KbRun.kb("bench", "--corpus=" + tmp.resolve("nowhere"), "--no-http", "--no-startup");
        assertEquals(1, run.code());
        assertTrue(run.err().contains("no corpus at"), run.err());
    }
}
