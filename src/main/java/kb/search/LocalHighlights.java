package kb.search;

import java.io.IOException;
import java.util.List;
import kb.index.Analyzers;
import kb.index.PassageDocuments;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Marks matches in passages an engine fetched from elsewhere (a cluster): their texts are indexed in memory exactly as
 * {@code text} is indexed (offsets in the postings), and kb's own {@link Snippets} mark them there, so a cluster's
 * snippets and marked articles are the embedded engine's. A page's passages are a few kilobytes; an article's a few
 * hundred. The highlighter scores sentences by their own words alone, so an index of these passages suffices.
 */
final class LocalHighlights implements AutoCloseable {
    private final ByteBuffersDirectory dir = new ByteBuffersDirectory();
    private final DirectoryReader reader;
    private final Snippets snippets;
    private final int[] ids;

    LocalHighlights(List<String> texts) throws IOException {
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(Analyzers.perField()))) {
            for (String text : texts) {
                Document doc = new Document();
                doc.add(PassageDocuments.highlightableText(text == null ? "" : text));
                w.addDocument(doc);
            }
        }
        this.reader = DirectoryReader.open(dir);
        IndexSearcher searcher = new IndexSearcher(reader);
        this.snippets = new Snippets(searcher);
        this.ids = new int[texts.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i;
        }
    }

    /** Each text's snippet and match offsets, as a result shows them; null where nothing matches. */
    SnippetFormatter.Highlight[] ofHits(Query query, String[] texts, SearchTimeLimit timeLimit) throws IOException {
        return snippets.ofHits(query, ids, texts, timeLimit);
    }

    /** Each whole text with its matches marked, as an article page shows them; null where nothing matches. */
    MarkedText[] wholeTexts(Query query) throws IOException {
        return snippets.wholeTexts(query, ids);
    }

    @Override
    public void close() throws IOException {
        reader.close();
        dir.close();
    }
}
