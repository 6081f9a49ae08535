package kb.bench;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;

/**
 * The minimal search kb is compared with: an {@link IndexSearcher} over the baseline index built by
 * {@link IndexBench#baseline}, the classic {@link QueryParser} on the escaped query text, the top 10, and a
 * {@link UnifiedHighlighter} reading offsets from the postings for those 10 (two passages each, as kb's snippets).
 * The highlighter is built once, as a real application would.
 */
public final class BaselineSearch implements Closeable {
    private static final int SNIPPET_PASSAGES = 2;

    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Analyzer analyzer = new EnglishAnalyzer();
    private final UnifiedHighlighter highlighter;

    public BaselineSearch(Path indexDir) throws IOException {
        this.reader = DirectoryReader.open(FSDirectory.open(indexDir));
        this.searcher = new IndexSearcher(reader);
        this.highlighter = UnifiedHighlighter.builder(searcher, analyzer).build();
    }

    /** Searches and highlights the top {@code size}; returns the snippets so the work cannot be optimised away. */
    public String[] search(String text, int size) throws IOException {
        Query query;
        try {
            query = new QueryParser(IndexBench.BASELINE_FIELD, analyzer).parse(QueryParser.escape(text));
        } catch (ParseException e) {
            return new String[0];
        }
        TopDocs top = searcher.search(query, size);
        return highlighter.highlight(IndexBench.BASELINE_FIELD, query, top, SNIPPET_PASSAGES);
    }

    @Override
    public void close() throws IOException {
        reader.directory().close();
        reader.close();
    }
}
