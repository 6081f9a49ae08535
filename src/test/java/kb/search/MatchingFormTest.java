package kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import kb.testing.SeedExtension;
import kb.testing.TestSeed;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The flat form a counting pass runs ({@link FieldQueries#forMatching}) matches exactly the passages the query
 * matches, whatever its nesting of required, optional and excluded words, disjunction-max, boosts and minimum counts.
 */
@ExtendWith(SeedExtension.class)
class MatchingFormTest {
    private static final String[] WORDS = {"ketamine", "nmda", "midazolam", "depression", "receptor", "trd", "dose",
        "rapid"};
    private static final String[] FIELDS = {"text", "title", "section"};

    @Test
    void theFlatFormMatchesTheSamePassagesAsTheQuery(TestSeed seed) throws Exception {
        Random random = seed.random();
        try (Directory dir = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
                for (int d = 0; d < 300; d++) {
                    Document doc = new Document();
                    for (String f : FIELDS) {
                        StringBuilder text = new StringBuilder();
                        for (int i = random.nextInt(4); i > 0; i--) {
                            text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
                        }
                        doc.add(new TextField(f, text.toString(), Field.Store.NO));
                    }
                    w.addDocument(doc);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                int nonEmpty = 0;
                for (int n = 0; n < 500; n++) {
                    Query q = randomQuery(random, 3);
                    BitSet expected = matches(searcher, q);
                    assertEquals(expected, matches(searcher, FieldQueries.forMatching(q)), q.toString());
                    nonEmpty += expected.isEmpty() ? 0 : 1;
                }
                // Most of the queries must match something, or equal empty sets would prove nothing.
                assertTrue(nonEmpty > 250, nonEmpty + " of 500 queries matched");
            }
        }
    }

    private static Query randomQuery(Random random, int depth) {
        int kind = depth == 0 ? random.nextInt(2) : random.nextInt(5);
        switch (kind) {
            case 0:
                return new TermQuery(new Term(FIELDS[random.nextInt(FIELDS.length)], WORDS[random.nextInt(WORDS.length)]));
            case 1:
                return new PhraseQuery(1, FIELDS[random.nextInt(FIELDS.length)], WORDS[random.nextInt(WORDS.length)],
                        WORDS[random.nextInt(WORDS.length)]);
            case 2:
                return new BoostQuery(randomQuery(random, depth - 1), 0.5f + random.nextInt(4));
            case 3: {
                List<Query> disjuncts = new ArrayList<>();
                for (int i = 1 + random.nextInt(3); i > 0; i--) {
                    disjuncts.add(randomQuery(random, depth - 1));
                }
                return new DisjunctionMaxQuery(disjuncts, 0.3f);
            }
            default: {
                BooleanQuery.Builder b = new BooleanQuery.Builder();
                int clauses = 1 + random.nextInt(4);
                for (int i = 0; i < clauses; i++) {
                    int o = random.nextInt(10);
                    Occur occur = o < 6 ? Occur.SHOULD : o < 8 ? Occur.MUST : o < 9 ? Occur.FILTER : Occur.MUST_NOT;
                    b.add(randomQuery(random, depth - 1), occur);
                }
                if (random.nextInt(5) == 0) {
                    b.setMinimumNumberShouldMatch(1 + random.nextInt(2));
                }
                return b.build();
            }
        }
    }

    private static BitSet matches(IndexSearcher searcher, Query q) throws Exception {
        BitSet out = new BitSet();
        searcher.search(q, new SimpleCollector() {
            private int base;

            @Override
            protected void doSetNextReader(org.apache.lucene.index.LeafReaderContext context) {
                base = context.docBase;
            }

            @Override
            public void collect(int doc) {
                out.set(base + doc);
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        });
        return out;
    }
}
