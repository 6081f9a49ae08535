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
                "--warmup=0", "--iterations=1", "--clients=1,2", "--duration=0.2", "--no-startup", "--no-as-text");
        assertEquals(0, run.code(), run.err());
        String out = run.out();
        for (String expected : new String[] {"Indexing (full rebuild", "Lucene baseline", "indexing time, kb / baseline",
                "2 (1 refused", "in-process p50, kb / baseline", "Where kb's search time goes", "What the field weighting costs", "stemmed text alone", "/api/search p50 at 1 client",
                "p50, HTML page / JSON API"}) {
            assertTrue(out.contains(expected), "missing \"" + expected + "\" in:\n" + out);
        }
    }

    @Test
    void benchHasHelpAndRefusesZeroClients() {
        KbRun help = KbRun.kb("bench", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("Usage: kb bench"), help.out());
        assertEquals(2, KbRun.kb("bench", "--clients=0").code());
    }

    @Test
    void benchSaysWhenTheCorpusIsMissing() {
        KbRun run = KbRun.kb("bench", "--corpus=" + tmp.resolve("nowhere"), "--no-http", "--no-startup");
        assertEquals(1, run.code());
        assertTrue(run.err().contains("no corpus at"), run.err());
    }
}
