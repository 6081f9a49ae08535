package kb.search;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import kb.index.Fields;
import kb.index.IndexDamage;
import kb.index.Ranking;
import kb.meaning.Embedder;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.ExitableDirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The embedded engine: one Lucene index on this machine. Searchers come from a {@link SearcherManager}, so a request
 * sees one committed index from start to end; what is derived from an index generation ({@link Generation}) is built
 * when the generation opens, its completions on a background thread, never inside a request. Every query is held
 * to a cost budget before it runs ({@link QueryBudget}) and to a time limit while it runs ({@link SearchTimeLimit}).
 * The work itself is in the rooms: {@link QueryPlanner}, {@link Snippets}, {@link FacetCounter},
 * {@link ArticleAssembler}, {@link CompletionBuilds}, {@link CorpusSources}.
 */
public final class LuceneSearchEngine implements SearchEngine {
    private final Directory directory;
    private final Path indexDir;
    private final SearchTimeLimit timeLimit;
    /** Null for a command that never autocompletes: it skips the work. */
    private final CompletionBuilds completionBuilds;
    private final SearcherManager manager;
    private final QueryPlanner planner = new QueryPlanner();
    /** Embeds queries for search by meaning; null when meaning is off or not available here. */
    private final Embedder embedder;
    /** The newest generation opened; its completions fall back to this one's while they are built. */
    private volatile Generation latest;

    private LuceneSearchEngine(Directory directory, Path indexDir, Duration timeLimit, Runnable beforeCompletions,
            boolean autocomplete, Embedder embedder) throws IOException {
        this.embedder = embedder;
        this.directory = directory;
        this.indexDir = indexDir;
        this.timeLimit = new SearchTimeLimit(timeLimit);
        this.completionBuilds = autocomplete ? new CompletionBuilds(beforeCompletions, () -> latest) : null;
        // The exitable reader stops term enumeration (rewrites of fuzzy, wildcard and range words, spelling,
        // highlighting, facet doc values) at the deadline; the searcher's timeout stops collecting matches. Below
        // it, each segment's term lookups are remembered (TermLookupCache).
        DirectoryReader reader = ExitableDirectoryReader.wrap(TermLookupCache.wrap(DirectoryReader.open(directory)),
                this.timeLimit);
        try {
            this.manager = new SearcherManager(reader, new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader r, IndexReader previousReader) throws IOException {
                    return openGeneration(r);
                }
            });
        } catch (IOException | RuntimeException e) {
            reader.close();
            closeBuilds();
            throw e;
        }
    }

    /** Opens the index at its last commit with the default time limit per search (2 s). */
    public static LuceneSearchEngine open(Path indexDir) throws IOException {
        return open(indexDir, SearchTimeLimit.DEFAULT);
    }

    /**
     * Opens the index at its last commit; a search running longer than {@code timeLimit} is stopped with
     * {@link SearchTimeoutException}. Fails with a plain message when there is no index or it is damaged.
     */
    public static LuceneSearchEngine open(Path indexDir, Duration timeLimit) throws IOException {
        return open(indexDir, timeLimit, () -> {}, true, null);
    }

    /** As {@link #open(Path, Duration)}, searching by meaning too with {@code embedder} (null: words only). */
    public static LuceneSearchEngine open(Path indexDir, Duration timeLimit, Embedder embedder) throws IOException {
        return open(indexDir, timeLimit, () -> {}, true, embedder);
    }

    /**
     * As {@link #open(Path, Duration)} for a command that searches but never autocompletes ({@code kb search},
     * {@code kb eval}): no completions are built, so it neither pays for them nor waits for a build when it closes;
     * {@link #complete} answers nothing.
     */
    public static LuceneSearchEngine openForQueries(Path indexDir, Duration timeLimit, Embedder embedder)
            throws IOException {
        return open(indexDir, timeLimit, () -> {}, false, embedder);
    }

    /** As {@link #open(Path, Duration)}; {@code beforeCompletions} runs on the build thread before each build (tests). */
    static LuceneSearchEngine open(Path indexDir, Duration timeLimit, Runnable beforeCompletions) throws IOException {
        return open(indexDir, timeLimit, beforeCompletions, true, null);
    }

    private static LuceneSearchEngine open(Path indexDir, Duration timeLimit, Runnable beforeCompletions,
            boolean autocomplete, Embedder embedder) throws IOException {
        Directory dir = FSDirectory.open(indexDir);
        try {
            if (!DirectoryReader.indexExists(dir)) {
                throw new IOException("no index in " + indexDir + "; run `kb index` first");
            }
            return new LuceneSearchEngine(dir, indexDir, timeLimit, beforeCompletions, autocomplete, embedder);
        } catch (IOException e) {
            dir.close();
            throw IndexDamage.explain(indexDir, e);
        } catch (RuntimeException e) {
            dir.close();
            throw e;
        }
    }

    /** {@code query} with its syntax escaped, so that it is searched as plain words (as {@link #rank} does with asText). */
    public static String asText(String query) {
        return UserQueryParser.asText(query);
    }

    @Override
    public SearchPage search(SearchRequest request) throws BadQueryException {
        long start = System.nanoTime();
        String text = request.query() == null ? "" : request.query().strip();
        int page = request.page();
        int size = request.size();
        SearchLimits.checkPaging(page, size);
        if (text.isEmpty()) {
            return new SearchPage("", 0, 0, page, size, List.of(), Facets.EMPTY, List.of(), null, List.of(),
                    SearchMode.LEXICAL, 0);
        }
        UserQueryParser.Parsed parsed = planner.parse(text);
        return querying(searcher -> ResultPages.page(searcher, generationFor(searcher), planner, embedder, parsed,
                request, timeLimit, start));
    }

    @Override
    public List<RankedId> rank(String query, int depth, boolean byArticle, boolean asText, SearchMode mode)
            throws BadQueryException {
        RankQuery q = RankQuery.of(planner, query, depth, byArticle, asText, mode);
        if (q == null) {
            return List.of();
        }
        return querying(searcher -> {
            ModeRanking.Ranked ranked = ModeRanking.rank(searcher, generationFor(searcher), planner, embedder,
                    q.parsed(), q.searched(), q.plainWords(), q.request(), q.passages());
            return byArticle ? ArticleRanking.rankedArticles(searcher, ranked, depth)
                    : StoredPassages.rankedIds(searcher, ranked.docs(), Fields.ID, depth);
        });
    }

    @Override
    public Optional<PassageView> passage(String id) throws IOException {
        return withSearcher(searcher -> {
            Optional<Integer> doc = StoredPassages.docOf(searcher, id);
            return doc.isEmpty() ? Optional.<PassageView>empty()
                    : Optional.of(StoredPassages.view(searcher.storedFields().document(doc.get()), null));
        });
    }

    @Override
    public Optional<RelatedPassages> related(String passageId, int limit) throws IOException {
        return withSearcher(searcher -> {
            Optional<Integer> doc = StoredPassages.docOf(searcher, passageId);
            return doc.isEmpty() ? Optional.<RelatedPassages>empty()
                    : Optional.of(MeaningSearch.related(searcher, doc.get(), limit));
        });
    }

    @Override
    public Optional<String> movedTo(String id) throws IOException {
        return withSearcher(searcher -> generationFor(searcher).redirects.movedTo(id));
    }

    @Override
    public Optional<Path> sourceOf(String slug) throws IOException {
        return withSearcher(searcher -> CorpusSources.fileOf(searcher, generationFor(searcher).corpusRoot, slug));
    }

    @Override
    public Optional<ArticleView> article(String slug, String query) throws BadQueryException, IOException {
        String text = query == null ? "" : query.strip();
        if (!text.isEmpty()) {
            planner.parse(text);
        }
        return querying(searcher -> {
            Generation gen = generationFor(searcher);
            return ArticleAssembler.assemble(searcher, gen, slug, text.isEmpty() ? null : planner.highlightOnly(text, gen.expansions));
        });
    }

    @Override
    public List<Completion> complete(String typed, int limit) throws BadQueryException, IOException {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        SearchLimits.checkCompletion(typed, limit);
        // Never waits for a build: the completions of this generation, or of the last one that had them.
        return withSearcher(searcher -> {
            Completions completions = generationFor(searcher).completions();
            return completions == null ? List.<Completion>of()
                    : completions.complete(typed, limit, searcher.getIndexReader());
        });
    }

    @Override
    public CorpusExamples examples() throws IOException {
        return withSearcher(searcher -> generationFor(searcher).examples());
    }

    @Override
    public IndexState state() throws IOException {
        return withSearcher(searcher -> {
            IndexReader reader = searcher.getIndexReader();
            long generation = reader instanceof DirectoryReader dr ? dr.getIndexCommit().getGeneration() : 0;
            return new IndexState(generation, reader.numDocs(), generationFor(searcher).withMeaning);
        });
    }

    @Override
    public void refresh() throws IOException {
        manager.maybeRefreshBlocking();
    }

    /** Called by the searcher manager, at open and on refresh, before any request can see the new searcher. */
    private IndexSearcher openGeneration(IndexReader reader) throws IOException {
        Generation.Searcher searcher = new Generation.Searcher(reader);
        searcher.setSimilarity(Ranking.similarity());
        searcher.setTimeout(timeLimit);
        Generation previous = latest;
        Generation gen = new Generation(searcher, previous == null ? null : previous.completions());
        searcher.generation = gen;
        latest = gen;
        if (completionBuilds != null) {
            completionBuilds.submit(gen);
        }
        return searcher;
    }

    private static Generation generationFor(IndexSearcher searcher) {
        return ((Generation.Searcher) searcher).generation;
    }

    /** Work on one searcher: it sees one commit from start to end, and is released however the work ends. */
    @FunctionalInterface
    private interface SearcherWork<T, E extends Exception> {
        T on(IndexSearcher searcher) throws IOException, E;
    }

    private <T, E extends Exception> T withSearcher(SearcherWork<T, E> work) throws IOException, E {
        IndexSearcher searcher = manager.acquire();
        try {
            return work.on(searcher);
        } finally {
            manager.release(searcher);
        }
    }

    /**
     * As {@link #withSearcher}, for a query, within the time limit: too many terms is the query's fault, running past
     * the limit a {@link SearchTimeoutException}, an unreadable index the server's.
     */
    private <T> T querying(SearcherWork<T, BadQueryException> work) throws BadQueryException {
        try (SearchTimeLimit.Scope clock = timeLimit.start()) {
            T result = withSearcher(work);
            // Lucene's collector timeout returns what it found so far without a word: never show that as complete.
            timeLimit.check();
            return result;
        } catch (IndexSearcher.TooManyClauses e) {
            throw new BadQueryException("The query expands to too many terms; use fewer words or longer prefixes.");
        } catch (ExitableDirectoryReader.ExitingReaderException e) {
            throw new SearchTimeoutException(timeLimit.limit());
        } catch (IOException e) {
            throw new SearchFailure(IndexDamage.message(indexDir, e).orElse("could not read the index"), e);
        }
    }

    private void closeBuilds() {
        if (completionBuilds != null) {
            completionBuilds.close();
        }
    }

    @Override
    public void close() throws IOException {
        closeBuilds();
        try {
            manager.close();
        } finally {
            directory.close();
        }
    }
}
