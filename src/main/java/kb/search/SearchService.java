package kb.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** Skeleton: being implemented. */
public final class SearchService implements Closeable {
    public static SearchService open(Path indexDir) throws IOException { throw new UnsupportedOperationException(); }
    public SearchPage search(SearchRequest request) throws BadQueryException { throw new UnsupportedOperationException(); }
    public Optional<PassageView> passage(String id) throws IOException { throw new UnsupportedOperationException(); }
    public Optional<ArticleView> article(String slug, String query) throws BadQueryException, IOException { throw new UnsupportedOperationException(); }
    public void refresh() throws IOException { throw new UnsupportedOperationException(); }
    @Override public void close() throws IOException {}
}
