package kb.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kb.corpus.CorpusReader;
import kb.index.Fields;
import kb.index.Indexer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two-phase ranking ({@link FirstPass}) takes only queries whose every part is optional and on the default fields,
 * only on an index whose every segment has the first pass's field, and ranks a query that matches no more than its
 * depth exactly as one pass does; an excluded word is never lost behind the first pass.
 */
class FirstPassTest {
    @TempDir
    Path tmp;
    private final QueryPlanner planner = new QueryPlanner();

    private Query firstPassOf(String text) throws BadQueryException {
        UserQueryParser.Parsed parsed = planner.parse(text);
        QueryPlanner.Forms f = planner.forms(parsed, text, null, null, List.of());
        return FirstPass.of(f.words(), parsed.filters(), SearchRequest.of(text));
    }

    @Test
    void onlyOptionalPartsOverTheDefaultFieldsTakeTwoPasses() throws BadQueryException {
        for (String q : List.of("ketamine depression", "\"lidocaine infusion\" dose", "What is (are) Glaucoma ?",
                "40mg/day ketamine")) {
            assertNotNull(firstPassOf(q), q);
        }
        for (String q : List.of("ketamine -depression", "+ketamine depression", "ketamine AND depression",
                "ketamine NOT depression", "ketam* depression", "midazolom~ dose")) {
            assertNull(firstPassOf(q), q);
        }
        // A filter the query names holds in the first pass as in the full query, or the first pass would fill up
        // with passages the filter then rules out.
        String filtered = firstPassOf("title:ketamine depression").toString();
        assertTrue(filtered.contains("#title:ketamin") && filtered.contains("rank_text:depress"), filtered);
    }

    @Test
    void anIndexRanksInTwoPassesOnlyWhenEverySegmentHasTheField() throws Exception {
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
                w.addDocument(passage(true));
                w.commit();
                try (DirectoryReader r = DirectoryReader.open(dir)) {
                    assertTrue(FirstPass.indexed(r));
                }
                w.addDocument(passage(false)); // a passage written before the field existed
                w.commit();
                try (DirectoryReader r = DirectoryReader.open(dir)) {
                    assertFalse(FirstPass.indexed(r));
                }
            }
        }
    }

    private static Document passage(boolean withRankText) {
        Document d = new Document();
        d.add(new TextField(Fields.TEXT, "ketamine eases depression", Field.Store.NO));
        if (withRankText) {
            d.add(new TextField(Fields.RANK_TEXT, "ketamine eases depression", Field.Store.NO));
        }
        return d;
    }

    @Test
    void singleWordsCountOnTheOneFieldAndAPhraseMeetingAcrossTitleAndTextCountsAsTyped() throws Exception {
        assertTrue(FirstPass.matchesAlike(planner.forms(planner.parse("ketamine depression"), "ketamine depression",
                null, null, List.of()).words()));
        assertFalse(FirstPass.matchesAlike(planner.forms(planner.parse("\"ketamine depression\""),
                "\"ketamine depression\"", null, null, List.of()).words()));
        Path corpus = Files.createDirectories(tmp.resolve("phrase-corpus"));
        Files.write(corpus.resolve("notes.jsonl"), List.of(
                "{\"_id\": \"a\", \"title\": \"Gamma delta\", \"text\": \"Epsilon zeta.\"}",
                "{\"_id\": \"b\", \"title\": \"Other\", \"text\": \"Delta epsilon zeta.\"}"));
        Path index = tmp.resolve("phrase-index");
        new Indexer(new CorpusReader(CorpusReader.DEFAULT_MAX_FILE_BYTES)).rebuild(corpus, index);
        try (LuceneSearchEngine engine = LuceneSearchEngine.open(index)) {
            // In the one field, the title's last word and the text's first are side by side; in the passage they are not.
            SearchPage phrase = engine.search(new SearchRequest("\"delta epsilon\"", 1, 10, null, null, false,
                    SearchMode.LEXICAL));
            assertEquals(1, phrase.total());
            assertEquals(1, phrase.facets().articles().get(0).count());
            assertEquals(2, engine.search(SearchRequest.of("delta epsilon")).total());
        }
    }

    @Test
    void aPhraseBesideOneOfItsOwnWordsCannotAddAMatchSoItCountsOnTheOneField() throws Exception {
        // A hyphenated expression is its words plus the whole as a phrase bonus, in every default field.
        for (String q : List.of("N-methyl-D-aspartate receptor", "anti-CTLA-4 treatment", "PD-1+Eomes+CD8 T cells")) {
            assertTrue(FirstPass.matchesAlike(planner.forms(planner.parse(q), q, null, null, List.of()).words()), q);
        }
        Query delta = term(Fields.TEXT, "delta");
        Query phrase = new PhraseQuery(Fields.TEXT, "delta", "epsilon");
        assertTrue(FirstPass.matchesAlike(or(delta, new BoostQuery(phrase, 0.25f))));
        // Nothing beside the phrase has one of its terms in its field: it may add matches, so it counts as typed.
        assertFalse(FirstPass.matchesAlike(or(term(Fields.TEXT, "zeta"), phrase)));
        assertFalse(FirstPass.matchesAlike(or(term(Fields.TITLE, "delta"), phrase)));
        // A word that matches only together with another does not stand for the phrase.
        Query both = new BooleanQuery.Builder().add(delta, BooleanClause.Occur.MUST)
                .add(term(Fields.TEXT, "gamma"), BooleanClause.Occur.MUST).build();
        assertFalse(FirstPass.matchesAlike(or(both, phrase)));
    }

    private static Query term(String field, String text) {
        return new TermQuery(new Term(field, text));
    }

    private static Query or(Query... clauses) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (Query c : clauses) {
            b.add(c, BooleanClause.Occur.SHOULD);
        }
        return b.build();
    }

    @Test
    void aQueryMatchingNoMoreThanTheDepthRanksAsInOnePassAndNoExcludedWordIsLost() throws Exception {
        // 300 passages with both words, 5 long ones with "alpha" alone; titles vary the fields' weights. "delta" (20
        // passages) and "notes" (25 titles) with "gamma" (5) match no more than the first pass's depth, "alpha" more.
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String title = i % 12 == 0 ? "Alpha notes " + i : "Case " + i;
            String text = "Case " + i + " alpha beta " + "filler ".repeat(i % 13) + (i % 15 == 0 ? "delta" : "epsilon") + ".";
            lines.add("{\"_id\": \"c" + i + "\", \"title\": \"" + title + "\", \"text\": \"" + text + "\"}");
        }
        for (int i = 0; i < 5; i++) {
            // Long, so that on "alpha" alone they rank below all 300 others.
            lines.add("{\"_id\": \"g" + i + "\", \"title\": \"Gamma " + i + "\", \"text\": \"Only alpha here, and gamma " + i
                    + "," + " filler".repeat(80) + ".\"}");
        }
        Files.write(corpus.resolve("cases.jsonl"), lines);
        Path index = tmp.resolve("index");
        new Indexer(new CorpusReader(CorpusReader.DEFAULT_MAX_FILE_BYTES)).rebuild(corpus, index);
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
            IndexSearcher searcher = new IndexSearcher(reader);
            searcher.setSimilarity(kb.index.Ranking.similarity());
            assertTrue(FirstPass.indexed(reader));
            for (String q : List.of("delta gamma", "gamma notes", "alpha delta")) {
                UserQueryParser.Parsed parsed = planner.parse(q);
                QueryPlanner.Forms f = planner.forms(parsed, q, null, null, List.of());
                ScoreDoc[] one = searcher.search(f.ranked(), 100).scoreDocs;
                Query cheap = FirstPass.of(f.words(), parsed.filters(), SearchRequest.of(q));
                ScoreDoc[] two = FirstPass.rescore(searcher, searcher.search(cheap, FirstPass.depth(100)),
                        f.ranked(), 100).scoreDocs;
                assertTrue(searcher.count(f.counted()) <= FirstPass.DEPTH || q.startsWith("alpha"), q);
                if (searcher.count(f.counted()) <= FirstPass.DEPTH) {
                    assertArrayEquals(docs(one), docs(two), q);
                } else {
                    // More matches than the depth: the page still begins as one pass's does.
                    assertArrayEquals(Arrays.copyOf(docs(one), 10), Arrays.copyOf(docs(two), 10), q);
                }
            }
        }
        try (LuceneSearchEngine engine = LuceneSearchEngine.open(index)) {
            SearchPage page = engine.search(SearchRequest.of("alpha -beta"));
            assertEquals(5, page.total());
            assertEquals(5, page.hits().size(), "the five passages without \"beta\", though 300 rank above them on \"alpha\"");
            SearchPage titled = engine.search(SearchRequest.of("title:gamma alpha"));
            assertEquals(5, titled.hits().size(), "the five titled \"Gamma\", though 300 others rank above them on \"alpha\"");
        }
    }

    private static int[] docs(ScoreDoc[] hits) {
        return Arrays.stream(hits).mapToInt(h -> h.doc).toArray();
    }
}
