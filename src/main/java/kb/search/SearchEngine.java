package kb.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The one seam between kb's search and everything that uses it (web pages, JSON API, CLI, live updates, evaluation,
 * bench): ids and query text in, records out, no Lucene types, no markup, no links. The embedded Lucene index
 * ({@link LuceneSearchEngine}) is the first implementation; a remote engine implements the same calls.
 *
 * <p>A query kb cannot run is a {@link BadQueryException} (the caller's fault, a 400 or exit 2); running past the
 * time limit a {@link SearchTimeoutException}; an index that cannot be read a {@link SearchFailure}.
 */
public interface SearchEngine extends Closeable {
    /**
     * One page of ranked passages with snippets, counts, facets and spelling help, and the articles the search is
     * about. A passage ranks by its own match and its article's (the article's whole text).
     */
    SearchPage search(SearchRequest request) throws BadQueryException;

    /**
     * A bare ranking for evaluation: the same query, expansions and spelling correction as {@link #search}, without
     * highlighting; with {@code asText}, the query's syntax characters are escaped first. With {@code byArticle}
     * articles are ranked as a search page's articles are, by their whole text and their best passage (ids are
     * slugs); otherwise ids are passage ids.
     */
    List<RankedId> rank(String query, int depth, boolean byArticle, boolean asText, SearchMode mode)
            throws BadQueryException;

    /** As {@link #rank(String, int, boolean, boolean, SearchMode)} in the default mode, as a search ranks. */
    default List<RankedId> rank(String query, int depth, boolean byArticle, boolean asText) throws BadQueryException {
        return rank(query, depth, byArticle, asText, SearchMode.HYBRID);
    }

    /** The passage with this id, nothing marked. */
    Optional<PassageView> passage(String id) throws IOException;

    /** The whole article in reading order; with a query (may be null), every passage's matches are marked. */
    Optional<ArticleView> article(String slug, String query) throws BadQueryException, IOException;

    /**
     * The passages closest in meaning to this one, from other articles and from its own, at most {@code limit} of
     * each; empty for an unknown id, {@link RelatedPassages#NONE} when the index has no vectors.
     */
    Optional<RelatedPassages> related(String passageId, int limit) throws IOException;

    /** Where an article slug or passage id of a renamed file lives now; empty when it never moved. */
    Optional<String> movedTo(String id) throws IOException;

    /** The article's original file, when the engine can reach the corpus it was built from. */
    Optional<Path> sourceOf(String slug) throws IOException;

    /** Up to {@code limit} completions of what is being typed; never waits for them to be built. */
    List<Completion> complete(String typed, int limit) throws BadQueryException, IOException;

    /** Search examples drawn from the index being served, for the search tips. */
    CorpusExamples examples() throws IOException;

    /** The index generation being served and its passage count, from one view of the index. */
    IndexState state() throws IOException;

    /** How the cluster behind this engine stands; empty for an engine that is no cluster (the embedded index). */
    default Optional<ClusterState> cluster() throws IOException {
        return Optional.empty();
    }

    /** Picks up the latest committed index, if there is a newer one; searches under way keep what they had. */
    void refresh() throws IOException;
}
