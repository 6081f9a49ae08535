package kb.index;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
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

/**
 * An article as the index holds it: its content hashes (with and without names) and its source file, stored once
 * on its first passage. Only live passages count: an article an update rewrote keeps its deleted old block in the
 * segments until they merge.
 */
record IndexedArticle(String hash, String contentHash, String source) {
    /**
     * A walk over the article terms: the first live passage of each article gives its stored hashes and source.
     * An index built before hashes were stored gives "" for them, so each article reads as changed and is rewritten.
     */
    static Map<String, IndexedArticle> all(DirectoryReader reader) throws IOException {
        Map<String, IndexedArticle> articles = new HashMap<>();
        Set<String> wanted = Set.of(Fields.ARTICLE_HASH, Fields.CONTENT_HASH, Fields.SOURCE);
        for (LeafReaderContext ctx : reader.leaves()) {
            LeafReader leaf = ctx.reader();
            Terms terms = leaf.terms(Fields.ARTICLE);
            if (terms == null) {
                continue;
            }
            Bits live = leaf.getLiveDocs();
            StoredFields stored = leaf.storedFields();
            TermsEnum te = terms.iterator();
            PostingsEnum postings = null;
            for (BytesRef term = te.next(); term != null; term = te.next()) {
                postings = te.postings(postings, PostingsEnum.NONE);
                for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                    if (live == null || live.get(doc)) {
                        Document d = stored.document(doc, wanted);
                        articles.put(term.utf8ToString(), new IndexedArticle(orEmpty(d.get(Fields.ARTICLE_HASH)),
                                orEmpty(d.get(Fields.CONTENT_HASH)), orEmpty(d.get(Fields.SOURCE))));
                        break;
                    }
                }
            }
        }
        return articles;
    }

    /**
     * What the old index holds, for a full rebuild, or nothing when it cannot be read: `--full` is how a damaged
     * index is replaced, so a damaged index must not stop it.
     */
    static Map<String, IndexedArticle> allIfReadable(Directory dir) {
        try (DirectoryReader reader = DirectoryReader.open(dir)) {
            return all(reader);
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
