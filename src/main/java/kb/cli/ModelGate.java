package kb.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import kb.search.ArticleView;
import kb.search.BadQueryException;
import kb.search.Completion;
import kb.search.CorpusExamples;
import kb.search.IndexState;
import kb.search.PassageView;
import kb.search.RankedId;
import kb.search.RelatedPassages;
import kb.search.SearchEngine;
import kb.search.SearchMode;
import kb.search.SearchPage;
import kb.search.SearchRequest;

/**
 * The search engine {@code kb serve} hands its web front end while the meaning model loads: until {@link #open()} is
 * called, a search asking for hybrid or semantic ranking is answered by words (the answer's mode says lexical), so
 * no answer waits for the model, even on an index whose passages all have vectors. Rule: it changes only the mode
 * of searches and rankings, and only before the model is there; everything else goes to the engine as it is.
 */
final class ModelGate implements SearchEngine {
    private final SearchEngine engine;
    private volatile boolean open;

    ModelGate(SearchEngine engine, boolean open) {
        this.engine = engine;
        this.open = open;
    }

    /** From now on every mode goes to the engine as asked: the model has loaded. */
    void open() {
        open = true;
    }

    private SearchMode mode(SearchMode asked) {
        return open ? asked : SearchMode.LEXICAL;
    }

    @Override
    public SearchPage search(SearchRequest request) throws BadQueryException {
        return engine.search(open ? request : request.withMode(SearchMode.LEXICAL));
    }

    @Override
    public List<RankedId> rank(String query, int depth, boolean byArticle, boolean asText, SearchMode mode)
            throws BadQueryException {
        return engine.rank(query, depth, byArticle, asText, mode(mode));
    }

    @Override
    public Optional<PassageView> passage(String id) throws IOException {
        return engine.passage(id);
    }

    @Override
    public Optional<ArticleView> article(String slug, String query) throws BadQueryException, IOException {
        return engine.article(slug, query);
    }

    @Override
    public Optional<RelatedPassages> related(String passageId, int limit) throws IOException {
        return engine.related(passageId, limit);
    }

    @Override
    public Optional<String> movedTo(String id) throws IOException {
        return engine.movedTo(id);
    }

    @Override
    public Optional<Path> sourceOf(String slug) throws IOException {
        return engine.sourceOf(slug);
    }

    @Override
    public List<Completion> complete(String typed, int limit) throws BadQueryException, IOException {
        return engine.complete(typed, limit);
    }

    @Override
    public CorpusExamples examples() throws IOException {
        return engine.examples();
    }

    @Override
    public IndexState state() throws IOException {
        return engine.state();
    }

    @Override
    public Optional<kb.search.ClusterState> cluster() throws IOException {
        return engine.cluster();
    }

    @Override
    public void refresh() throws IOException {
        engine.refresh();
    }

    @Override
    public void close() throws IOException {
        engine.close();
    }
}
