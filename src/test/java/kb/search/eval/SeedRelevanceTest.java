package kb.search.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import kb.corpus.CorpusReader;
import kb.index.Indexer;
import kb.search.LuceneSearchEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measured relevance on the seed article: 55 judged queries of every kind people type (acronyms and their long
 * forms, misspellings, questions, dosages written three ways, hyphen and British/American variants, plain words,
 * reference lookups), graded by reading the article (2 = the passage that answers, 1 = partly relevant), ranked
 * at passage level.
 *
 * <p>{@link #NDCG5_FLOOR} is a ratchet: it is the level kb reaches now, rounded down. Raise it when ranking
 * improves (the target is 0.95); never lower it to make a change pass, and never edit a judgment to fit kb's
 * output.
 */
class SeedRelevanceTest {
    /** nDCG@5 measured 0.9523 with abbreviations, synonyms, typo correction and unit normalisation (was 0.8376). */
    static final double NDCG5_FLOOR = 0.95;
    static final Path RESOURCES = Path.of("src", "test", "resources", "eval");

    @TempDir
    Path tmp;

    @Test
    void seedQueriesRankTheAnsweringPassagesAtLeastAsWellAsBefore() throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        // The seed corpus as served: the article and the corpus's synonym list.
        for (String file : new String[] {"ketamines-for-depression.txt", CorpusReader.SYNONYMS_FILE}) {
            Files.copy(Path.of("corpus", file), corpus.resolve(file));
        }
        new Indexer(new CorpusReader()).rebuild(corpus, tmp.resolve("index"));
        Map<String, String> queries = QueryFile.read(RESOURCES.resolve("seed-queries.tsv"));
        Qrels qrels = Qrels.read(RESOURCES.resolve("seed-qrels.txt"));
        Evaluation.Report report;
        try (LuceneSearchEngine service = LuceneSearchEngine.open(tmp.resolve("index"))) {
            report = Evaluation.run(queries, qrels, (q, depth) -> service.rank(q, depth, false, false), 100);
        }
        System.out.printf(Locale.ROOT, "seed relevance: nDCG@5 %.4f, nDCG@10 %.4f, MRR@10 %.4f over %d queries%n",
                report.ndcg5(), report.ndcg10(), report.mrr10(), report.evaluated());
        for (Evaluation.QueryResult q : report.queries()) {
            if (q.ndcg5() < 1) {
                System.out.printf(Locale.ROOT, "  %-24s nDCG@5 %.4f  %s%n", q.id(), q.ndcg5(), q.text());
            }
        }
        assertEquals(queries.size(), report.evaluated(), "every seed query has a relevant judgment");
        assertEquals(0, report.failed(), "no seed query is refused");
        assertTrue(report.ndcg5() >= NDCG5_FLOOR, String.format(Locale.ROOT,
                "seed nDCG@5 fell to %.4f, below the floor %.2f", report.ndcg5(), NDCG5_FLOOR));
    }

    @Test
    void seedJudgmentsNameOnlyPassagesOfTheSeedArticle() throws IOException {
        Map<String, String> queries = QueryFile.read(RESOURCES.resolve("seed-queries.tsv"));
        assertTrue(queries.size() >= 30, "at least 30 judged queries");
        for (String line : Files.readAllLines(RESOURCES.resolve("seed-qrels.txt"))) {
            String[] f = line.split(" ");
            assertTrue(queries.containsKey(f[0]), "judgment for an unknown query: " + line);
            assertTrue(f[2].startsWith("ketamines-for-depression.") && f[2].matches(".*\\.\\d+"), line);
            assertTrue(f[3].equals("1") || f[3].equals("2"), line);
        }
    }
}
