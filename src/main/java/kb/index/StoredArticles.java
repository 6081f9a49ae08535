package kb.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kb.corpus.Article;
import kb.corpus.ArticleMeta;
import kb.corpus.Passage;
import kb.corpus.PassageKind;
import kb.corpus.Reference;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * The articles of an index kb built, read back from its last commit: each as the {@link Article} its passages were
 * made from (every value {@link PassageValues} uses is stored), with its hashes and each passage's vector and text key
 * as the index holds them. Rule: {@code PassageValues.of(read.article(), read.hash(), read.contentHash())} gives the
 * values the indexer wrote ({@code StoredArticlesTest}). The cluster indexer reads its mirror index this way, so a
 * cluster receives exactly what the embedded index holds. Not thread-safe.
 */
public final class StoredArticles implements Closeable {
    /** An article as the index holds it; per passage, in reading order, its vector and text key (null: none). */
    public record Stored(Article article, String hash, String contentHash, String meaningModel, List<float[]> vectors,
            List<String> textKeys) {}

    private final org.apache.lucene.store.Directory dir;
    private final DirectoryReader reader;
    private final Map<String, IndexedArticle> articles;
    /** Per leaf, each document's text key; built on first use (the keys are indexed, not stored). */
    private final Map<Integer, String[]> textKeys = new HashMap<>();

    private StoredArticles(org.apache.lucene.store.Directory dir, DirectoryReader reader) throws IOException {
        this.dir = dir;
        this.reader = reader;
        this.articles = IndexedArticle.all(reader);
    }

    /** The last commit of the index in {@code indexDir}. */
    public static StoredArticles open(Path indexDir) throws IOException {
        org.apache.lucene.store.Directory dir = FSDirectory.open(indexDir);
        DirectoryReader reader = null;
        try {
            reader = DirectoryReader.open(dir);
            return new StoredArticles(dir, reader);
        } catch (IOException | RuntimeException e) {
            try (dir) {
                if (reader != null) {
                    reader.close();
                }
            }
            throw e;
        }
    }

    /** The commit's user data: what the index records beside its passages. */
    public Map<String, String> commitData() throws IOException {
        return reader.getIndexCommit().getUserData();
    }

    /** Each article's slug and {@link ArticleHash}. */
    public Map<String, String> hashes() {
        Map<String, String> out = new HashMap<>();
        articles.forEach((slug, a) -> out.put(slug, a.hash()));
        return out;
    }

    /**
     * Each article's slug and {@link #state}: what a copy of the index must match for the article to be the same,
     * its content and its vectors (an update may add vectors to an article whose content did not change).
     */
    public Map<String, String> states() {
        Map<String, String> out = new HashMap<>();
        articles.forEach((slug, a) -> out.put(slug, state(a.hash(), a.meaningModel(), a.vectors())));
        return out;
    }

    /** An article's content hash, the model its first passage names ("" for none) and its passages with a vector. */
    public static String state(String hash, String meaningModel, int vectors) {
        return hash + " " + (meaningModel == null ? "" : meaningModel) + " " + vectors;
    }

    /** {@code slugs} (articles of this index) in the index's order: that of their first passages' doc ids. */
    public List<String> inIndexOrder(Collection<String> slugs) throws IOException {
        Map<String, Integer> first = new HashMap<>();
        for (String slug : slugs) {
            first.put(slug, passages(slug).get(0));
        }
        List<String> out = new ArrayList<>(slugs);
        out.sort(Comparator.comparing(first::get));
        return out;
    }

    /** The article {@code slug}, as the index holds it. Throws IllegalArgumentException when it has none. */
    public Stored read(String slug) throws IOException {
        List<Integer> docs = passages(slug);
        List<Passage> passages = new ArrayList<>(docs.size());
        List<float[]> vectors = new ArrayList<>(docs.size());
        List<String> keys = new ArrayList<>(docs.size());
        Document first = null;
        for (int doc : docs) {
            Document d = reader.storedFields().document(doc);
            first = first == null ? d : first;
            passages.add(passage(d));
            vectors.add(vector(doc));
            keys.add(textKey(doc));
        }
        // Reading order is position order; a block's doc ids follow it already, but stored data says it outright.
        Integer[] order = new Integer[passages.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingInt(i -> passages.get(i).position()));
        List<Passage> sorted = new ArrayList<>();
        List<float[]> sortedVectors = new ArrayList<>();
        List<String> sortedKeys = new ArrayList<>();
        for (int i : order) {
            sorted.add(passages.get(i));
            sortedVectors.add(vectors.get(i));
            sortedKeys.add(keys.get(i));
        }
        Passage head = sorted.get(0);
        ArticleMeta meta = new ArticleMeta(List.of(first.getValues(Fields.ARTICLE_AUTHORS)),
                first.get(Fields.ARTICLE_DATE), first.get(Fields.ARTICLE_URL), first.get(Fields.ARTICLE_DOI),
                first.get(Fields.ARTICLE_JOURNAL));
        IndexedArticle indexed = articles.get(slug);
        return new Stored(new Article(slug, head.articleTitle(), head.sourceFile(), meta, sorted), indexed.hash(),
                indexed.contentHash(), indexed.meaningModel().isEmpty() ? null : indexed.meaningModel(),
                sortedVectors, sortedKeys);
    }

    private static Passage passage(Document d) {
        Reference ref = d.getField(Fields.REF_YEAR) == null ? null
                : new Reference(0, d.get(Fields.REF_AUTHORS), d.get(Fields.REF_YEAR), d.get(Fields.REF_TITLE),
                        d.get(Fields.REF_JOURNAL));
        IndexableField page = d.getField(Fields.PAGE);
        return new Passage(d.get(Fields.ID), d.get(Fields.ARTICLE), d.get(Fields.TITLE),
                List.of(d.getValues(Fields.HEADING)), PassageKind.fromLabel(d.get(Fields.KIND)),
                d.getField(Fields.ORDINAL).numericValue().intValue(),
                d.getField(Fields.POSITION).numericValue().intValue(), d.get(Fields.TEXT), d.get(Fields.SOURCE),
                List.of(d.getValues(Fields.CITES)), ref, page == null ? null : page.numericValue().intValue());
    }

    /** The live top-level doc ids of the article's passages, ascending. */
    private List<Integer> passages(String slug) throws IOException {
        List<Integer> docs = new ArrayList<>();
        BytesRef term = new BytesRef(slug);
        for (LeafReaderContext ctx : reader.leaves()) {
            Terms terms = ctx.reader().terms(Fields.ARTICLE);
            TermsEnum te = terms == null ? null : terms.iterator();
            if (te == null || !te.seekExact(term)) {
                continue;
            }
            Bits live = ctx.reader().getLiveDocs();
            PostingsEnum postings = te.postings(null, PostingsEnum.NONE);
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                if (live == null || live.get(doc)) {
                    docs.add(ctx.docBase + doc);
                }
            }
        }
        if (docs.isEmpty()) {
            throw new IllegalArgumentException("the index has no article " + slug);
        }
        return docs;
    }

    private float[] vector(int doc) throws IOException {
        LeafReaderContext ctx = leaf(doc);
        FloatVectorValues values = ctx.reader().getFloatVectorValues(Fields.VECTOR);
        int local = doc - ctx.docBase;
        return values != null && values.advance(local) == local ? values.vectorValue().clone() : null;
    }

    private String textKey(int doc) throws IOException {
        LeafReaderContext ctx = leaf(doc);
        String[] keys = textKeys.get(ctx.ord);
        if (keys == null) {
            keys = uninvert(ctx.reader());
            textKeys.put(ctx.ord, keys);
        }
        return keys[doc - ctx.docBase];
    }

    private static String[] uninvert(LeafReader leaf) throws IOException {
        String[] keys = new String[leaf.maxDoc()];
        Terms terms = leaf.terms(Fields.TEXT_KEY);
        if (terms == null) {
            return keys;
        }
        TermsEnum te = terms.iterator();
        PostingsEnum postings = null;
        for (BytesRef term = te.next(); term != null; term = te.next()) {
            String key = term.utf8ToString();
            postings = te.postings(postings, PostingsEnum.NONE);
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                keys[doc] = key;
            }
        }
        return keys;
    }

    private LeafReaderContext leaf(int doc) {
        List<LeafReaderContext> leaves = reader.leaves();
        return leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
    }

    @Override
    public void close() throws IOException {
        try (dir) {
            reader.close();
        }
    }
}
