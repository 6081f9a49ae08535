package kb.search.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import kb.cli.KbRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kb eval} end to end on a four-article JSON Lines fixture: no external dataset needed. */
class EvalCommandTest {
    static final Path FIXTURE = Path.of("src", "test", "resources", "eval", "fixture");
    static final List<String> METRIC_LINES = List.of("nDCG@5", "nDCG@10", "Recall@100", "MRR@10");

    @TempDir
    Path tmp;
    Path corpus;


    @BeforeEach
    void corpus() throws IOException {
        corpus = Files.createDirectories(tmp.resolve("corpus"));
        Files.copy(FIXTURE.resolve("corpus.jsonl"), corpus.resolve("corpus.jsonl"));
    }

    static KbRun kb(String... args) {
        return KbRun.kb(args);
    }

    KbRun eval(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("eval", "--corpus=" + corpus, "--index=" + tmp.resolve("index"),
                "--queries=" + FIXTURE.resolve("queries.tsv"), "--qrels=" + FIXTURE.resolve("qrels.txt")));
        args.addAll(List.of(extra));
        return kb(args.toArray(new String[0]));
    }

    @Test
    void evalBuildsTheMissingIndexPrintsTheMetricsAndWritesAValidRunFile() throws IOException {
        Path runFile = tmp.resolve("out").resolve("kb.run");
        KbRun run = eval("--run=" + runFile);
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("queries evaluated  4 (1 failed, 0 without relevant judgments skipped)"), run.out());
        METRIC_LINES.forEach(m -> assertTrue(run.out().matches("(?s).*\\n" + m + " +\\d\\.\\d{4}\\n.*"), m + " in " + run.out()));
        assertTrue(run.err().contains("Indexed 4 articles"), run.err());
        List<String> lines = Files.readAllLines(runFile);
        assertFalse(lines.isEmpty());
        String previousQuery = "";
        int previousRank = 0;
        float previousScore = Float.MAX_VALUE;
        for (String line : lines) {
            String[] f = line.split(" ");
            assertEquals(6, f.length, line);
            assertEquals("Q0", f[1], line);
            assertTrue(Set.of("101", "102", "103", "104").contains(f[2]), "article ids are the source ids: " + line);
            assertEquals("kb", f[5], line);
            int rank = Integer.parseInt(f[3]);
            float score = Float.parseFloat(f[4]);
            if (f[0].equals(previousQuery)) {
                assertEquals(previousRank + 1, rank, line);
                assertTrue(score <= previousScore, line);
            } else {
                assertEquals(1, rank, line);
            }
            previousQuery = f[0];
            previousRank = rank;
            previousScore = score;
        }
        assertTrue(lines.get(0).startsWith("q1 Q0 101 1 "), lines.get(0));
    }

    @Test
    void evalReusesAFreshIndexAndRanksPassagesWhenAsked() {
        assertEquals(0, eval().code());
        KbRun run = eval("--unit=passage");
        assertEquals(0, run.code(), run.err());
        assertFalse(run.err().contains("Indexed"), "a fresh index is not rebuilt: " + run.err());
        // Passage ids are not the judged article ids, so nothing counts as relevant.
        assertTrue(run.out().contains("nDCG@10     0.0000"), run.out());
    }

    @Test
    void baselineEvaluatesPlainBm25WithoutTouchingKbsIndex() {
        KbRun run = eval("--baseline");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().startsWith("plain Lucene BM25"), run.out());
        assertTrue(run.out().contains("MRR@10      "), run.out());
        assertFalse(Files.exists(tmp.resolve("index")), "the baseline builds its own temporary index");
    }

    @Test
    void aMissingQueryFileIsAPlainErrorWithExitOne() {
        KbRun run = kb("eval", "--corpus=" + corpus, "--index=" + tmp.resolve("index"),
                "--queries=" + tmp.resolve("nope.tsv"), "--qrels=" + FIXTURE.resolve("qrels.txt"));
        assertEquals(1, run.code());
        assertTrue(run.err().startsWith("kb eval: no such file: "), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }
}
