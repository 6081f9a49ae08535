package kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterDirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class TermLookupCacheTest {
    private static final String F = "text";
    private static final List<String> WORDS = List.of("ketamine", "nmda", "receptor", "midazolam", "depression",
            "absent", "zzz", "aaa");

    private static void add(IndexWriter w, String text) throws IOException {
        Document d = new Document();
        d.add(new TextField(F, text, Field.Store.NO));
        w.addDocument(d);
    }

    private static Directory index() throws IOException {
        Directory dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
            add(w, "ketamine blocks the nmda receptor");
            add(w, "midazolam was the active placebo; ketamine ketamine");
            w.commit();
            add(w, "depression and the nmda receptor");
        }
        return dir;
    }

    /** Every answer a lookup gives, then the postings (doc, freq, positions) read from where it stands. */
    private static String answers(DirectoryReader reader) throws IOException {
        StringBuilder b = new StringBuilder();
        for (LeafReaderContext leaf : reader.leaves()) {
            Terms terms = leaf.reader().terms(F);
            for (int round = 0; round < 2; round++) {
                for (String word : WORDS) {
                    TermsEnum te = terms.iterator();
                    boolean found = te.seekExact(new BytesRef(word));
                    b.append(leaf.ord).append(word).append(found);
                    if (found) {
                        b.append(te.term().utf8ToString()).append(te.docFreq()).append('/').append(te.totalTermFreq());
                        b.append(postings(te));
                        TermState state = te.termState();
                        TermsEnum again = terms.iterator();
                        again.seekExact(new BytesRef(word), state);
                        b.append(postings(again));
                        // next() from a word found goes on in the dictionary's order
                        TermsEnum walk = terms.iterator();
                        walk.seekExact(new BytesRef(word));
                        BytesRef next = walk.next();
                        b.append("→").append(next == null ? "end" : next.utf8ToString());
                    }
                    b.append(terms.iterator().seekCeil(new BytesRef(word)));
                    b.append(';');
                }
            }
        }
        return b.toString();
    }

    private static String postings(TermsEnum te) throws IOException {
        StringBuilder b = new StringBuilder("[");
        PostingsEnum pe = te.postings(null, PostingsEnum.POSITIONS);
        for (int doc = pe.nextDoc(); doc != PostingsEnum.NO_MORE_DOCS; doc = pe.nextDoc()) {
            b.append(doc).append('x').append(pe.freq()).append('@');
            for (int i = 0; i < pe.freq(); i++) {
                b.append(pe.nextPosition()).append(',');
            }
        }
        return b.append(']').toString();
    }

    @Test
    void answersEveryLookupAsTheDictionaryDoesTheFirstTimeAndAfter() throws IOException {
        try (Directory dir = index(); DirectoryReader plain = DirectoryReader.open(dir);
                DirectoryReader cached = TermLookupCache.wrap(DirectoryReader.open(dir))) {
            assertEquals(2, plain.leaves().size(), "the fixture has two segments");
            assertEquals(answers(plain), answers(cached));
            assertTrue(((TermLookupCache) cached).size() > 0, "lookups were remembered");
        }
    }

    @Test
    void searchesScoreAlikeThroughTheCache() throws IOException {
        try (Directory dir = index(); DirectoryReader plain = DirectoryReader.open(dir);
                DirectoryReader cached = TermLookupCache.wrap(DirectoryReader.open(dir))) {
            for (int round = 0; round < 2; round++) {
                for (org.apache.lucene.search.Query q : List.of(new TermQuery(new Term(F, "ketamine")),
                        new PhraseQuery(F, "nmda", "receptor"), new TermQuery(new Term(F, "absent")))) {
                    TopDocs a = new IndexSearcher(plain).search(q, 10);
                    TopDocs b = new IndexSearcher(cached).search(q, 10);
                    assertEquals(a.totalHits, b.totalHits, q.toString());
                    for (int i = 0; i < a.scoreDocs.length; i++) {
                        assertEquals(a.scoreDocs[i].doc, b.scoreDocs[i].doc, q.toString());
                        assertEquals(a.scoreDocs[i].score, b.scoreDocs[i].score, q.toString());
                    }
                }
            }
        }
    }

    @Test
    void aWordLookedUpBeforeIsNotLookedUpInTheDictionaryAgain() throws IOException {
        try (Directory dir = index(); CountingReader counting = new CountingReader(DirectoryReader.open(dir));
                DirectoryReader cached = TermLookupCache.wrap(counting)) {
            LeafReader leaf = cached.leaves().get(0).reader();
            assertTrue(leaf.terms(F).iterator().seekExact(new BytesRef("ketamine")));
            assertFalse(leaf.terms(F).iterator().seekExact(new BytesRef("absent")));
            int afterFirst = counting.seeks.get();
            assertEquals(2, afterFirst);
            TermsEnum te = leaf.terms(F).iterator();
            assertTrue(te.seekExact(new BytesRef("ketamine")));
            assertEquals(2, te.docFreq());
            assertFalse(leaf.terms(F).iterator().seekExact(new BytesRef("absent")));
            assertEquals(afterFirst, counting.seeks.get(), "found and missing words both answered from memory");
            // reading postings still goes to the index
            assertNotNull(te.postings(null, PostingsEnum.FREQS));
        }
    }

    @Test
    void aReopenedReaderAnswersForItsNewSegments() throws IOException {
        try (Directory dir = index()) {
            DirectoryReader cached = TermLookupCache.wrap(DirectoryReader.open(dir));
            int before = new IndexSearcher(cached).count(new TermQuery(new Term(F, "esketamine")));
            assertEquals(0, before);
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
                add(w, "esketamine nasal spray");
            }
            DirectoryReader reopened = DirectoryReader.openIfChanged(cached);
            assertNotNull(reopened);
            cached.close();
            try (reopened) {
                assertEquals(1, new IndexSearcher(reopened).count(new TermQuery(new Term(F, "esketamine"))));
                assertEquals(3, new IndexSearcher(reopened).count(new TermQuery(new Term(F, "nmda")))
                        + new IndexSearcher(reopened).count(new TermQuery(new Term(F, "midazolam"))));
            }
        }
    }

    @Test
    void holdsNoMoreThanItsLimit() throws IOException {
        try (Directory dir = index(); DirectoryReader cached = TermLookupCache.wrap(DirectoryReader.open(dir))) {
            LeafReader leaf = cached.leaves().get(0).reader();
            List<String> many = new ArrayList<>();
            for (int i = 0; i < TermLookupCache.MAX_ENTRIES + 10; i++) {
                many.add("w" + i);
            }
            for (String w : many) {
                leaf.terms(F).iterator().seekExact(new BytesRef(w));
            }
            int size = ((TermLookupCache) cached).size();
            assertTrue(size > 0 && size <= TermLookupCache.MAX_ENTRIES, "size " + size);
            assertTrue(leaf.terms(F).iterator().seekExact(new BytesRef("ketamine")), "still answers after clearing");
        }
    }

    /** Counts the exact lookups that reach the dictionary. */
    private static final class CountingReader extends FilterDirectoryReader {
        final AtomicInteger seeks;

        CountingReader(DirectoryReader in) throws IOException {
            this(in, new AtomicInteger());
        }

        private CountingReader(DirectoryReader in, AtomicInteger seeks) throws IOException {
            super(in, new SubReaderWrapper() {
                @Override
                public LeafReader wrap(LeafReader reader) {
                    return new FilterLeafReader(reader) {
                        @Override
                        public Terms terms(String field) throws IOException {
                            Terms t = in.terms(field);
                            return t == null ? null : new FilterTerms(t) {
                                @Override
                                public TermsEnum iterator() throws IOException {
                                    return new FilterTermsEnum(in.iterator()) {
                                        @Override
                                        public boolean seekExact(BytesRef text) throws IOException {
                                            seeks.incrementAndGet();
                                            return in.seekExact(text);
                                        }
                                    };
                                }
                            };
                        }

                        @Override
                        public CacheHelper getCoreCacheHelper() {
                            return in.getCoreCacheHelper();
                        }

                        @Override
                        public CacheHelper getReaderCacheHelper() {
                            return in.getReaderCacheHelper();
                        }
                    };
                }
            });
            this.seeks = seeks;
        }

        @Override
        protected DirectoryReader doWrapDirectoryReader(DirectoryReader in) throws IOException {
            return new CountingReader(in, seeks);
        }

        @Override
        public CacheHelper getReaderCacheHelper() {
            return in.getReaderCacheHelper();
        }
    }
}
