package kb.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kb.corpus.CorpusReader;
import kb.index.ExpansionDictionary;
import kb.index.Fields;
import kb.index.Indexer;
import kb.index.Ranking;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two-phase ranking against the full query ranked in one pass. On the seed corpus every query matches fewer passages
 * than the first pass keeps, so the two must agree exactly, ids and scores; the first pass must select the same
 * passages as the full query (a heading- or title-only match included); and past the first pass's depth, the best
 * passages by the full weighting still come first.
 */
class TwoPhaseRankingTest {
    private static final List<String> SEED_QUERIES = List.of("ketamine", "nmda receptor antagonist",
            "how long does the effect last", "is ketamine safe?", "midazolam infusion", "SSRI",
            "treatment-resistant depression", "Zarate 2006", "dosage 0.5 mg/kg", "hallucinations dissociation",
            "brain-derived neurotrophic factor", "ketamine -midazolam", "\"rapid antidepressant\"", "keta*",
            "title:ketamine depression", "section:references");

    @TempDir
    Path tmp;

    @Test
    void onASmallCorpusTheTwoPhasesRankExactlyAsTheFullQuery() throws Exception {
        SeedIndex.build(tmp, "abbrev.md", "receptors.md");
        try (Directory dir = FSDirectory.open(tmp.resolve("index")); DirectoryReader reader = DirectoryReader.open(dir)) {
            IndexSearcher searcher = searcher(reader);
            ExpansionDictionary dictionary = ExpansionDictionary.fromCommit(reader.getIndexCommit().getUserData());
            for (String q : SEED_QUERIES) {
                QueryExpander.Expanded expanded = expanded(q, dictionary);
                Query full = expanded.query();
                Query first = TwoPhaseRanking.firstPass(expanded.highlight());
                assertEquals(searcher.count(full), searcher.count(first), "the same passages for " + q);
                TopDocs once = searcher.search(full, 10);
                TopDocs twice = TwoPhaseRanking.rank(searcher, first, full, 10, 1_000);
                assertArrayEquals(docs(once), docs(twice), q);
                for (int i = 0; i < once.scoreDocs.length; i++) {
                    assertEquals(once.scoreDocs[i].score, twice.scoreDocs[i].score, 1e-5f, q + " at " + i);
                }
            }
        }
    }

    @Test
    void theFirstPassLeavesOutTheExactFormFieldOnly() throws Exception {
        Query words = expanded("ketamine infusion", ExpansionDictionary.EMPTY).highlight();
        Query first = TwoPhaseRanking.firstPass(words);
        assertNotSame(words, first);
        String shown = first.toString();
        assertTrue(!shown.contains(Fields.TEXT_EXACT + ":"), shown);
        for (String field : List.of(Fields.TEXT, Fields.TITLE, Fields.SECTION)) {
            assertTrue(shown.contains(field + ":ketamin"), field + " in " + shown);
        }
    }

    @Test
    void pastTheFirstPassDepthTheFullWeightingStillDecidesTheTop() throws Exception {
        // 1,200 passages match both words; only the ones with the words side by side get the proximity bonus, which
        // the first pass does not see. Each such passage must be on the first page.
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        List<String> lines = new ArrayList<>();
        List<String> adjacent = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            boolean together = i % 200 == 17;
            String text = together ? "Patient " + i + " had a lidocaine infusion during the procedure."
                    : "Patient " + i + " had lidocaine in the clinic; an infusion of saline came later that week.";
            if (together) {
                adjacent.add("p-" + i);
            }
            lines.add("{\"_id\": \"p-" + i + "\", \"title\": \"Patient " + i + "\", \"text\": \"" + text + "\"}");
        }
        Files.write(corpus.resolve("patients.jsonl"), lines);
        new Indexer(new CorpusReader(CorpusReader.DEFAULT_MAX_FILE_BYTES)).rebuild(corpus, tmp.resolve("index"));
        try (LuceneSearchEngine kb = LuceneSearchEngine.openForQueries(tmp.resolve("index"),
                java.time.Duration.ofSeconds(30), null)) {
            SearchPage page = kb.search(new SearchRequest("lidocaine infusion", 1, 10, null, null));
            List<String> top = page.hits().stream().map(SearchHit::article).limit(adjacent.size()).toList();
            assertEquals(adjacent.stream().sorted().toList(), top.stream().sorted().toList(), top.toString());
            assertEquals(1_200, page.total());
        }
    }

    private static QueryExpander.Expanded expanded(String q, ExpansionDictionary dictionary) throws BadQueryException {
        UserQueryParser parser = new UserQueryParser();
        UserQueryParser.Parsed parsed = parser.parse(q);
        return new QueryExpander(parser).expand(parsed.combined(), q, dictionary);
    }

    private static IndexSearcher searcher(DirectoryReader reader) {
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setSimilarity(Ranking.similarity());
        return searcher;
    }

    private static int[] docs(TopDocs top) {
        int[] ids = new int[top.scoreDocs.length];
        for (int i = 0; i < ids.length; i++) {
            ScoreDoc sd = top.scoreDocs[i];
            ids[i] = sd.doc;
        }
        return ids;
    }
}
