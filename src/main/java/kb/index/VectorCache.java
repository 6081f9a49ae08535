package kb.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;

/**
 * The vectors of the last commit, by text key ({@link Fields#TEXT_KEY}): a passage whose text was embedded before
 * gets its vector from here instead of from the model. Rule: a key names the model and the exact text, so any
 * document carrying it (live or deleted: a deleted passage's vector is still the vector of that text) answers;
 * a key on a document without a vector is no answer. Used on one thread (the run's reading thread).
 */
final class VectorCache {
    /** A cache that knows no text: a new index, or one without vectors. */
    static final VectorCache EMPTY = new VectorCache(null);

    private final IndexReader reader;

    private VectorCache(IndexReader reader) {
        this.reader = reader;
    }

    /** The vectors {@code reader} holds; the caller keeps the reader open while the cache is used. */
    static VectorCache of(IndexReader reader) {
        return reader == null ? EMPTY : new VectorCache(reader);
    }

    /** The vector of the text with {@code key}, or null when the last commit has none. */
    float[] get(String key) {
        if (reader == null) {
            return null;
        }
        try {
            BytesRef term = new BytesRef(key);
            for (LeafReaderContext ctx : reader.leaves()) {
                float[] found = find(ctx.reader(), term);
                if (found != null) {
                    return found;
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static float[] find(LeafReader leaf, BytesRef term) throws IOException {
        Terms terms = leaf.terms(Fields.TEXT_KEY);
        if (terms == null) {
            return null;
        }
        TermsEnum te = terms.iterator();
        if (!te.seekExact(term)) {
            return null;
        }
        PostingsEnum postings = te.postings(null, PostingsEnum.NONE);
        for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
            // A fresh iterator per document: vector values only move forward.
            FloatVectorValues values = leaf.getFloatVectorValues(Fields.VECTOR);
            if (values != null && values.advance(doc) == doc) {
                return values.vectorValue().clone();
            }
        }
        return null;
    }
}
