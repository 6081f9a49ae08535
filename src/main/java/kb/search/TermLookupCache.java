package kb.search;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader.CacheHelper;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterDirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.ImpactsEnum;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.AttributeSource;
import org.apache.lucene.util.BytesRef;

/**
 * A reader that remembers where the terms dictionary put each word it was asked for. One kb search looks the same
 * word up many times: every {@code TermQuery} and {@code PhraseQuery} of the ranked pass, the full weighting, the
 * article rescoring and the highlighter builds its own term statistics, each with a new terms enum walking the
 * dictionary's index (a text word of a ten-word claim is looked up four times by the full weighting alone), and the
 * same common words come back search after search. Here an exact lookup that was made before answers from memory
 * (its {@link TermState}, document frequency and total frequency), and the dictionary's own enum is made only when
 * the caller goes on to read postings or to move through the terms.
 *
 * <p>The rule: an answer is what the segment's dictionary gave for that word, and a segment's dictionary never
 * changes (deletions leave term statistics as they are until a merge writes a new segment), so entries are keyed
 * by the segment's core and stay true for as long as it lives; re-opened readers share the cache, and new segments
 * have keys of their own. The cache holds at most {@link #MAX_ENTRIES} lookups and starts afresh when full.
 */
final class TermLookupCache extends FilterDirectoryReader {
    /** About 200 bytes a lookup: a few megabytes at most, whatever the corpus. */
    static final int MAX_ENTRIES = 16_384;

    private final Map<Key, Entry> cache;

    /** {@code in} with a cache of its own. */
    static TermLookupCache wrap(DirectoryReader in) throws IOException {
        return new TermLookupCache(in, new ConcurrentHashMap<>());
    }

    private TermLookupCache(DirectoryReader in, Map<Key, Entry> cache) throws IOException {
        super(in, new SubReaderWrapper() {
            @Override
            public LeafReader wrap(LeafReader reader) {
                return new Leaf(reader, cache);
            }
        });
        this.cache = cache;
    }

    /** How many lookups are remembered now (tests). */
    int size() {
        return cache.size();
    }

    @Override
    protected DirectoryReader doWrapDirectoryReader(DirectoryReader in) throws IOException {
        return new TermLookupCache(in, cache);
    }

    @Override
    public CacheHelper getReaderCacheHelper() {
        return in.getReaderCacheHelper();
    }

    /** A word of a field of one segment core. */
    private record Key(Object core, String field, BytesRef term) {}

    /** What the dictionary gave for a word: where it is and its statistics; {@link #MISSING} when it has none. */
    private record Entry(BytesRef term, TermState state, int docFreq, long totalTermFreq) {}

    private static final Entry MISSING = new Entry(null, null, 0, 0);

    private static final class Leaf extends FilterLeafReader {
        private final Map<Key, Entry> cache;
        private final Object core;

        Leaf(LeafReader in, Map<Key, Entry> cache) {
            super(in);
            this.cache = cache;
            CacheHelper helper = in.getCoreCacheHelper();
            // A reader without a core key has no lifetime to tie answers to: it gets no cache.
            this.core = helper == null ? null : helper.getKey();
        }

        @Override
        public Terms terms(String field) throws IOException {
            Terms terms = in.terms(field);
            return terms == null || core == null ? terms : new CachedTerms(terms, core, field, cache);
        }

        @Override
        public CacheHelper getCoreCacheHelper() {
            return in.getCoreCacheHelper();
        }

        @Override
        public CacheHelper getReaderCacheHelper() {
            return in.getReaderCacheHelper();
        }
    }

    private static final class CachedTerms extends FilterLeafReader.FilterTerms {
        private final Object core;
        private final String field;
        private final Map<Key, Entry> cache;

        CachedTerms(Terms in, Object core, String field, Map<Key, Entry> cache) {
            super(in);
            this.core = core;
            this.field = field;
            this.cache = cache;
        }

        @Override
        public TermsEnum iterator() {
            return new CachedTermsEnum();
        }

        /**
         * A terms enum that answers {@link #seekExact(BytesRef)} from the cache when it can, and is then positioned on
         * the word without the dictionary's enum: that is made, and put on the word by its remembered state, only when
         * something more than the word's statistics is asked for.
         */
        private final class CachedTermsEnum extends TermsEnum {
            private TermsEnum real;
            /** The remembered word the enum stands on while {@link #real} is not on it; null otherwise. */
            private Entry at;

            /** The dictionary's enum, not moved. */
            private TermsEnum real() throws IOException {
                if (real == null) {
                    real = in.iterator();
                }
                return real;
            }

            /** The dictionary's enum, on the word this enum stands on, to read its postings. */
            private TermsEnum positioned() throws IOException {
                TermsEnum r = real();
                if (at != null) {
                    r.seekExact(at.term(), at.state());
                    at = null;
                }
                return r;
            }

            /**
             * The dictionary's enum, on the word this enum stands on, found by the word itself: a block tree enum put
             * on a word by its state alone, before any other seek, starts {@code next()} from the first term.
             */
            private TermsEnum walkable() throws IOException {
                TermsEnum r = real();
                if (at != null) {
                    boolean found = r.seekExact(at.term());
                    assert found : "a word the dictionary had is gone from its segment";
                    at = null;
                }
                return r;
            }

            @Override
            public boolean seekExact(BytesRef text) throws IOException {
                Key key = new Key(core, field, text);
                Entry e = cache.get(key);
                if (e == null) {
                    at = null;
                    TermsEnum r = real();
                    boolean found = r.seekExact(text);
                    BytesRef copy = BytesRef.deepCopyOf(text);
                    e = found ? new Entry(copy, r.termState(), r.docFreq(), r.totalTermFreq()) : MISSING;
                    if (cache.size() >= MAX_ENTRIES) {
                        cache.clear();
                    }
                    cache.put(new Key(core, field, copy), e);
                    return found;
                }
                at = e == MISSING ? null : e;
                return e != MISSING;
            }

            @Override
            public void seekExact(BytesRef term, TermState state) throws IOException {
                at = null;
                real().seekExact(term, state);
            }

            @Override
            public SeekStatus seekCeil(BytesRef text) throws IOException {
                at = null;
                return real().seekCeil(text);
            }

            @Override
            public void seekExact(long ord) throws IOException {
                at = null;
                real().seekExact(ord);
            }

            @Override
            public BytesRef next() throws IOException {
                return walkable().next();
            }

            @Override
            public BytesRef term() throws IOException {
                return at != null ? at.term() : real().term();
            }

            @Override
            public long ord() throws IOException {
                return walkable().ord();
            }

            @Override
            public int docFreq() throws IOException {
                return at != null ? at.docFreq() : real().docFreq();
            }

            @Override
            public long totalTermFreq() throws IOException {
                return at != null ? at.totalTermFreq() : real().totalTermFreq();
            }

            @Override
            public TermState termState() throws IOException {
                // Callers keep what they are given; the remembered state is never handed out to be changed.
                return at != null ? at.state().clone() : real().termState();
            }

            @Override
            public PostingsEnum postings(PostingsEnum reuse, int flags) throws IOException {
                return positioned().postings(reuse, flags);
            }

            @Override
            public ImpactsEnum impacts(int flags) throws IOException {
                return positioned().impacts(flags);
            }

            @Override
            public AttributeSource attributes() {
                try {
                    return real().attributes();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
    }
}
