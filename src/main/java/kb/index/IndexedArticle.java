package kb.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * An article as the index holds it: its content hashes (with and without names), its source file and the model
 * its vectors come from ("" unless every passage has one), stored once on its first passage, and how many of its
 * passages have a vector. Only live passages count: an article an update rewrote keeps its deleted old block in the
 * segments until they merge.
 */
record IndexedArticle(String hash, String contentHash, String source, String meaningModel, int vectors) {
    /**
     * A walk over the article terms: the first live passage of each article gives its stored hashes and source.
     * An index built before hashes were stored gives "" for them, so each article reads as changed and is rewritten.
     */
    static Map<String, IndexedArticle> all(DirectoryReader reader) throws IOException {
        Map<String, IndexedArticle> articles = new HashMap<>();
        Set<String> wanted = Set.of(Fields.ARTICLE_HASH, Fields.CONTENT_HASH, Fields.SOURCE, Fields.MEANING_MODEL);
        for (LeafReaderContext ctx : reader.leaves()) {
            LeafReader leaf = ctx.reader();
            Terms terms = leaf.terms(Fields.ARTICLE);
            if (terms == null) {
                continue;
            }
            Bits live = leaf.getLiveDocs();
            FixedBitSet withVector = withVector(leaf);
            StoredFields stored = leaf.storedFields();
            TermsEnum te = terms.iterator();
            PostingsEnum postings = null;
            List<FirstPassage> firsts = new ArrayList<>();
            for (BytesRef term = te.next(); term != null; term = te.next()) {
                postings = te.postings(postings, PostingsEnum.NONE);
                int first = -1;
                int vectors = 0;
                for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                    if (live == null || live.get(doc)) {
                        if (first < 0) {
                            first = doc;
                        }
                        if (withVector == null) {
                            break; // no vectors here: the first live passage says all there is to know
                        }
                        vectors += withVector.get(doc) ? 1 : 0;
                    }
                }
                if (first >= 0) {
                    firsts.add(new FirstPassage(term.utf8ToString(), first, vectors));
                }
            }
            // Read in doc id order, so that each compressed block of stored fields is decompressed once, not once
            // per article in it (the slugs' order is not the documents').
            firsts.sort(Comparator.comparingInt(FirstPassage::doc));
            for (FirstPassage f : firsts) {
                Document first = stored.document(f.doc(), wanted);
                articles.put(f.slug(), new IndexedArticle(orEmpty(first.get(Fields.ARTICLE_HASH)),
                        orEmpty(first.get(Fields.CONTENT_HASH)), orEmpty(first.get(Fields.SOURCE)),
                        orEmpty(first.get(Fields.MEANING_MODEL)), f.vectors()));
            }
        }
        return articles;
    }

    /** An article's first live passage in a segment, and how many of its passages there have a vector. */
    private record FirstPassage(String slug, int doc, int vectors) {}

    /** The documents of {@code leaf} that have a vector, or null when none has. */
    private static FixedBitSet withVector(LeafReader leaf) throws IOException {
        FloatVectorValues values = leaf.getFloatVectorValues(Fields.VECTOR);
        if (values == null) {
            return null;
        }
        FixedBitSet docs = new FixedBitSet(leaf.maxDoc());
        for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
            docs.set(doc);
        }
        return docs;
    }

    /**
     * The old index, for a full rebuild: what it holds and its vectors, or nothing when it cannot be read. `--full`
     * is how a damaged index is replaced, so a damaged index must not stop it.
     */
    record Old(DirectoryReader reader, Map<String, IndexedArticle> articles) implements java.io.Closeable {
        static final Old NONE = new Old(null, Map.of());

        static Old openIfReadable(Directory dir) {
            DirectoryReader reader = null;
            try {
                reader = DirectoryReader.open(dir);
                return new Old(reader, all(reader));
            } catch (IOException | RuntimeException e) {
                closeQuietly(reader);
                return NONE;
            }
        }

        @Override
        public void close() throws IOException {
            if (reader != null) {
                reader.close();
            }
        }
    }

    private static void closeQuietly(DirectoryReader reader) {
        try {
            if (reader != null) {
                reader.close();
            }
        } catch (IOException | RuntimeException ignored) {
            // Already unreadable; nothing more to lose.
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
