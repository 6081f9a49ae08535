package kb.search.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kb.search.BadQueryException;
import kb.search.RankedId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsTest {
    /** Judged: a = 2, b = 1, c = 2 (never retrieved), y = 0 (judged non-relevant). */
    static final Map<String, Integer> JUDGED = Map.of("a", 2, "b", 1, "c", 2, "y", 0);
    static final List<String> RANKED = List.of("x", "a", "y", "b");

    @TempDir
    Path tmp;

    @Test
    void ndcgUsesGradesAsGainsAndTheIdealFromAllJudgedRelevantDocuments() {
        // DCG@5 = 2/log2(3) + 1/log2(5); ideal grades 2, 2, 1: IDCG = 2/log2(2) + 2/log2(3) + 1/log2(4).
        assertEquals(0.4499200626718163, Metrics.ndcg(RANKED, JUDGED, 5), 1e-9);
        // Cut at 2: DCG = 2/log2(3); IDCG = 2 + 2/log2(3).
        assertEquals(0.38685280723454163, Metrics.ndcg(RANKED, JUDGED, 2), 1e-9);
    }

    @Test
    void ndcgIsOneForTheIdealRankingAndZeroWithoutRelevantDocuments() {
        assertEquals(1.0, Metrics.ndcg(List.of("a", "c", "b"), JUDGED, 10), 1e-12);
        assertEquals(1.0, Metrics.ndcg(List.of("c", "a", "b", "x"), JUDGED, 10), 1e-12);
        assertEquals(0.0, Metrics.ndcg(List.of("x", "y"), JUDGED, 10), 1e-12);
        assertEquals(0.0, Metrics.ndcg(List.of("a"), Map.of("a", 0), 10), 1e-12);
    }

    @Test
    void negativeGradesCountAsNonRelevant() {
        Map<String, Integer> judged = Map.of("a", -1, "b", 1);
        // a contributes nothing and is not in the ideal: DCG = 1/log2(3), IDCG = 1.
        assertEquals(0.6309297535714574, Metrics.ndcg(List.of("a", "b"), judged, 10), 1e-9);
        assertEquals(0.5, Metrics.recall(List.of("a", "b"), Map.of("a", -1, "b", 1, "c", 2), 100), 1e-12);
    }

    @Test
    void recallCountsRelevantDocumentsInTheTopKOverAllRelevant() {
        assertEquals(1.0 / 3, Metrics.recall(RANKED, JUDGED, 3), 1e-12);
        assertEquals(2.0 / 3, Metrics.recall(RANKED, JUDGED, 100), 1e-12);
    }

    @Test
    void reciprocalRankIsCutAtK() {
        assertEquals(0.5, Metrics.reciprocalRank(RANKED, JUDGED, 10), 1e-12);
        assertEquals(0.0, Metrics.reciprocalRank(RANKED, JUDGED, 1), 1e-12);
        assertEquals(0.0, Metrics.reciprocalRank(List.of(), JUDGED, 10), 1e-12);
    }

    @Test
    void tiesAreOrderedByDocumentIdDescendingAsTrecEvalReadsARun() {
        List<RankedId> ranking = List.of(new RankedId("a", 1f), new RankedId("b", 2f), new RankedId("c", 1f));
        assertEquals(List.of("b", "c", "a"), Metrics.trecOrder(ranking));
    }

    @Test
    void meansSkipUnjudgedQueriesAndCountARefusedQueryAsRetrievingNothing() {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("q1", "perfect");
        queries.put("q2", "refused");
        queries.put("q3", "unjudged");
        Qrels qrels = new Qrels(Map.of("q1", Map.of("a", 1), "q2", Map.of("a", 1), "q3", Map.of("a", 0)));
        Evaluation.Report report = Evaluation.run(queries, qrels, (q, depth) -> {
            if (q.equals("refused")) {
                throw new BadQueryException("no");
            }
            return List.of(new RankedId("a", 1f));
        }, 10);
        assertEquals(2, report.evaluated());
        assertEquals(1, report.failed());
        assertEquals(1, report.unjudged());
        assertEquals(0.5, report.ndcg10(), 1e-12);
        assertEquals(0.5, report.recall100(), 1e-12);
        assertEquals(0.5, report.mrr10(), 1e-12);
        assertTrue(report.summary().get(0).startsWith("queries evaluated  2 (1 failed"), report.summary().get(0));
    }

    @Test
    void qrelsKeepGradesAndRejectAMalformedLineNamingIt() throws IOException {
        Path good = Files.writeString(tmp.resolve("good.txt"), "q1 0 d1 2\nq1 0 d2 0\n\nq2 Q0 d3 1\n");
        Qrels qrels = Qrels.read(good);
        assertEquals(Map.of("d1", 2, "d2", 0), qrels.judgments("q1"));
        assertEquals(1, qrels.relevantCount("q1"));
        assertEquals(0, qrels.relevantCount("missing"));
        Path bad = Files.writeString(tmp.resolve("bad.txt"), "q1 0 d1 2\nq1 0 d2 high\n");
        IOException e = assertThrows(IOException.class, () -> Qrels.read(bad));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void queryFilesKeepOrderAndRejectLinesWithoutATab() throws IOException {
        Path good = Files.writeString(tmp.resolve("q.tsv"), "b\tsecond query\na\tfirst: 0.5 mg/kg\n");
        assertEquals(List.of("b", "a"), List.copyOf(QueryFile.read(good).keySet()));
        assertEquals("first: 0.5 mg/kg", QueryFile.read(good).get("a"));
        Path bad = Files.writeString(tmp.resolve("bad.tsv"), "a\tok\nno tab here\n");
        IOException e = assertThrows(IOException.class, () -> QueryFile.read(bad));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }
}
