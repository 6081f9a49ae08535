package kb.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import kb.corpus.Links;
import kb.index.Analyzers;
import kb.index.ExpansionDictionary;
import kb.index.Fields;
import kb.index.IndexDamage;
import kb.index.PassageDocuments;
import kb.index.Ranking;
import kb.index.Redirects;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.ExitableDirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.jsoup.nodes.Entities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one search front door shared by the web pages, the JSON API and the CLI: parses and bounds queries, ranks
 * passages with BM25, highlights from the offsets stored in the postings (escaping on), counts facets and offers
 * spelling suggestions. Searchers come from a {@link SearcherManager}, so a request sees one committed index from
 * start to end; everything derived from an index generation (facet state, highlighters) is built when the
 * generation is opened, and its completions on a background thread, never inside a request. Every query is held to
 * a cost budget before it runs ({@link QueryBudget}) and to a time limit while it runs ({@link SearchTimeLimit}).
 */
public final class SearchService implements Closeable {
    /** The deepest result a page may reach: (page - 1) * size + size. */
    public static final int MAX_RESULT_WINDOW = 10_000;
    public static final int MAX_PAGE_SIZE = 100;
    public static final int MAX_COMPLETIONS = 20;
    private static final int MAX_COMPLETION_INPUT = 200;
    /** How {@link kb.corpus.Passage#sectionPathLabel()} joins headings. */
    private static final String PATH_SEPARATOR = " › ";
    private static final int SNIPPET_PASSAGES = 2;
    private static final int SNIPPET_MIN_CHARS = 160;
    private static final int FACET_VALUES = 10;
    private static final String ELLIPSIS = " … ";
    /** Past this many matches the ranked pass may skip passages that cannot make the page (Lucene's default). */
    private static final int RANKED_HITS_THRESHOLD = 1_000;
    /** The stored fields a search hit shows; nothing else is read for a result page. */
    private static final Set<String> HIT_FIELDS = Set.of(Fields.ID, Fields.ARTICLE, Fields.TITLE, Fields.HEADING,
            Fields.KIND, Fields.TEXT, Fields.CITATION, Fields.PAGE);

    private static final Logger LOG = LoggerFactory.getLogger(SearchService.class);

    private final Directory directory;
    private final Path indexDir;
    private final SearchTimeLimit timeLimit;
    private final Runnable beforeCompletions;
    /** One thread: builds run in generation order, and a superseded generation's build is skipped. */
    private final ExecutorService completionsBuilder = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kb-completions");
        t.setDaemon(true);
        return t;
    });
    private final SearcherManager manager;
    private final UserQueryParser parser = new UserQueryParser();
    private final Spelling spelling = new Spelling();
    private final QueryExpander expander = new QueryExpander(parser);
    /** The newest generation opened; its completions fall back to this one's while they are built. */
    private volatile Generation latest;

    /** Whether completions are built for each generation; a command that never autocompletes skips the work. */
    private final boolean autocomplete;

    private SearchService(Directory directory, Path indexDir, Duration timeLimit, Runnable beforeCompletions,
            boolean autocomplete) throws IOException {
        this.autocomplete = autocomplete;
        this.directory = directory;
        this.indexDir = indexDir;
        this.timeLimit = new SearchTimeLimit(timeLimit);
        this.beforeCompletions = beforeCompletions;
        // The exitable reader stops term enumeration (rewrites of fuzzy, wildcard and range words, spelling,
        // highlighting, facet doc values) at the deadline; the searcher's timeout stops collecting matches.
        DirectoryReader reader = ExitableDirectoryReader.wrap(DirectoryReader.open(directory), this.timeLimit);
        try {
            this.manager = new SearcherManager(reader, new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader r, IndexReader previousReader) throws IOException {
                    return openGeneration(r);
                }
            });
        } catch (IOException | RuntimeException e) {
            reader.close();
            completionsBuilder.shutdownNow();
            throw e;
        }
    }

    /** Opens the index at its last commit with the default time limit per search (2 s). */
    public static SearchService open(Path indexDir) throws IOException {
        return open(indexDir, SearchTimeLimit.DEFAULT);
    }

    /**
     * Opens the index at its last commit; a search running longer than {@code timeLimit} is stopped with
     * {@link SearchTimeoutException}. Fails with a plain message when there is no index or it is damaged.
     */
    public static SearchService open(Path indexDir, Duration timeLimit) throws IOException {
        return open(indexDir, timeLimit, () -> {});
    }

    /**
     * As {@link #open(Path, Duration)} for a command that searches but never autocompletes ({@code kb search},
     * {@code kb eval}): no completions are built, so it neither pays for them nor waits for a build when it closes;
     * {@link #complete} answers nothing.
     */
    public static SearchService openForQueries(Path indexDir, Duration timeLimit) throws IOException {
        return open(indexDir, timeLimit, () -> {}, false);
    }

    /** As {@link #open(Path, Duration)}; {@code beforeCompletions} runs on the build thread before each build (tests). */
    static SearchService open(Path indexDir, Duration timeLimit, Runnable beforeCompletions) throws IOException {
        return open(indexDir, timeLimit, beforeCompletions, true);
    }

    private static SearchService open(Path indexDir, Duration timeLimit, Runnable beforeCompletions, boolean autocomplete)
            throws IOException {
        Directory dir = FSDirectory.open(indexDir);
        try {
            if (!DirectoryReader.indexExists(dir)) {
                throw new IOException("no index in " + indexDir + "; run `kb index` first");
            }
            return new SearchService(dir, indexDir, timeLimit, beforeCompletions, autocomplete);
        } catch (IOException e) {
            dir.close();
            throw IndexDamage.explain(indexDir, e);
        } catch (RuntimeException e) {
            dir.close();
            throw e;
        }
    }

    /** Called by the searcher manager, at open and on refresh, before any request can see the new searcher. */
    private IndexSearcher openGeneration(IndexReader reader) throws IOException {
        GenerationSearcher searcher = new GenerationSearcher(reader);
        searcher.setSimilarity(Ranking.similarity());
        searcher.setTimeout(timeLimit);
        Generation previous = latest;
        Generation gen = new Generation(searcher, previous == null ? null : previous.completions());
        searcher.generation = gen;
        latest = gen;
        if (autocomplete) {
            completionsBuilder.execute(() -> buildCompletions(gen));
        }
        return searcher;
    }

    private void buildCompletions(Generation gen) {
        // A newer generation was opened meanwhile: its own build is queued behind this one, so skip the work.
        if (gen != latest || !gen.reader.tryIncRef()) {
            return;
        }
        try {
            beforeCompletions.run();
            gen.buildCompletions();
        } catch (IOException | RuntimeException e) {
            // Suggest keeps answering from the previous completions; nothing a request could do better. Closing the
            // service interrupts a build (a command that never autocompletes need not wait for it): not a failure.
            if (!completionsBuilder.isShutdown()) {
                LOG.warn("Could not build completions for the index generation", e);
            }
        } finally {
            try {
                gen.reader.decRef();
            } catch (IOException e) {
                LOG.warn("Could not release the index reader", e);
            }
        }
    }

    /** A searcher that carries what was built for its index generation. */
    private static final class GenerationSearcher extends IndexSearcher {
        /** Set by {@link #openGeneration} before the searcher is published. */
        Generation generation;

        GenerationSearcher(IndexReader reader) {
            super(reader);
        }
    }

    /** {@code query} with its syntax escaped, so that it is searched as plain words (as {@link #rank} does with asText). */
    public static String asText(String query) {
        return UserQueryParser.asText(query);
    }

    /** Picks up the latest commit, if a rebuild made one; searches under way keep the searcher they had. */
    public void refresh() throws IOException {
        manager.maybeRefreshBlocking();
    }

    public SearchPage search(SearchRequest request) throws BadQueryException {
        long start = System.nanoTime();
        String text = request.query() == null ? "" : request.query().strip();
        int page = request.page();
        int size = request.size();
        checkPaging(page, size);
        if (text.isEmpty()) {
            return new SearchPage("", 0, 0, page, size, List.of(), Facets.EMPTY, List.of(), null, List.of());
        }
        UserQueryParser.Parsed parsed = parser.parse(text);
        return querying(searcher -> {
            Generation gen = generationFor(searcher);
            Plan plan = plan(searcher, gen, parsed, text, request, page * size);
            timeLimit.check();
            Run run = plan.run();
            String corrected = plan.corrected();
            List<String> suggestions = plan.suggestions();
            TopDocs top = run.topDocs();
            ScoreDoc[] pageDocs = Arrays.copyOfRange(top.scoreDocs, Math.min(top.scoreDocs.length, (page - 1) * size),
                    top.scoreDocs.length);
            List<SearchHit> hits = hits(searcher, gen, run.highlight(), corrected == null ? text : corrected, pageDocs);
            timeLimit.check();
            FacetsCollector matches = collectMatches(searcher, run.matching());
            Facets facets = facets(searcher, gen, matches);
            long took = (System.nanoTime() - start) / 1_000_000;
            return new SearchPage(text, countMatches(matches), took, page, size, hits, facets, suggestions, corrected,
                    run.expansions());
        });
    }

    /**
     * A bare ranking for evaluation: the same query, expansions and spelling correction as {@link #search},
     * without highlighting; with {@code asText}, the query's syntax characters are escaped first. With {@code byArticle}, an article scores as its best passage and appears once, in the
     * order its best passage ranks (ids are article slugs); otherwise ids are passage ids. At most {@code depth}.
     */
    public List<RankedId> rank(String query, int depth, boolean byArticle, boolean asText) throws BadQueryException {
        String text = query == null ? "" : query.strip();
        if (text.isEmpty() || depth < 1) {
            return List.of();
        }
        // With asText a judged query is words, not syntax: "+1 nucleosomes" or "alpha (+)- thalassemia" are text.
        String searched = asText ? UserQueryParser.asText(text) : text;
        UserQueryParser.Parsed parsed = parser.parse(searched);
        // Articles are folded from passages, so look deeper; an article's passages rarely all rank near the top.
        int passages = byArticle ? (int) Math.min((long) depth * 10, MAX_RESULT_WINDOW) : Math.min(depth, MAX_RESULT_WINDOW);
        return querying(searcher -> {
            Plan plan = plan(searcher, generationFor(searcher), parsed, searched, SearchRequest.of(searched), passages);
            ScoreDoc[] top = plan.run().topDocs().scoreDocs;
            StoredFields stored = searcher.storedFields();
            String field = byArticle ? Fields.ARTICLE : Fields.ID;
            Set<String> wanted = Set.of(field);
            Map<String, RankedId> ranked = new LinkedHashMap<>();
            for (int i = 0; i < top.length && ranked.size() < depth; i++) {
                String id = stored.document(top[i].doc, wanted).get(field);
                ranked.putIfAbsent(id, new RankedId(id, top[i].score));
            }
            return List.copyOf(ranked.values());
        });
    }

    /** What a query becomes: the run shown, the correction it took (or null), and the other rewrites offered. */
    private record Plan(Run run, String corrected, List<String> suggestions) {}

    private Plan plan(IndexSearcher searcher, Generation gen, UserQueryParser.Parsed parsed, String text,
            SearchRequest request, int wanted) throws IOException, BadQueryException {
        List<String> suggestions = spelling.suggest(searcher.getIndexReader(), text, false);
        Run run = run(searcher, gen, parsed, text, request, wanted);
        if (request.correctSpelling() && !suggestions.isEmpty()) {
            // A word the index lacks but is close to indexed ones: show results for the correction.
            String rewrite = suggestions.get(0);
            Run corrected = run(searcher, gen, parser.parse(rewrite), rewrite, request, wanted);
            if (corrected.found()) {
                return new Plan(corrected, rewrite, suggestions.subList(1, suggestions.size()));
            }
        }
        if (!run.found()) {
            // Nothing found: offer close words for acronyms and short words too, never corrected unasked.
            suggestions = spelling.suggest(searcher.getIndexReader(), text, true);
        }
        return new Plan(run, null, suggestions);
    }

    /**
     * One ranked execution of a parsed query: its best hits, the query that selects the same passages without the
     * proximity bonus (for counting them and their facets, which only a result page needs), what to highlight, and
     * the expansions used.
     */
    private record Run(TopDocs topDocs, Query matching, Query highlight, List<Expansion> expansions) {
        /** Whether anything matched: exact, since the ranked pass counts every match up to its threshold. */
        boolean found() {
            return topDocs.totalHits.value > 0;
        }
    }

    private Run run(IndexSearcher searcher, Generation gen, UserQueryParser.Parsed parsed, String text, SearchRequest request,
            int wanted) throws IOException, BadQueryException {
        Query main = parsed.main();
        Query words = main;
        List<Expansion> expansions = List.of();
        if (main != null) {
            QueryExpander.Expanded expanded = expander.expand(main, text, gen.expansions);
            main = expanded.query();
            words = expanded.highlight();
            expansions = expanded.expansions();
        }
        Query query = withFilters(new UserQueryParser.Parsed(main, parsed.filters()).combined(), request.article(),
                request.section());
        QueryBudget.checkClauses(query);
        // Ranking and counting are two passes on purpose. The ranked pass keeps only the best `wanted` and lets
        // Lucene skip passages that cannot reach them (block-max pruning), which collecting every match forbids.
        // The counting pass scores nothing, and leaves out the proximity bonus: its phrases only re-rank passages
        // that the words already match, and checking their positions in every match is what made one pass slow.
        TopDocs top = rankTop(searcher, query, wanted);
        Query matching = words == null ? query
                : withFilters(new UserQueryParser.Parsed(words, parsed.filters()).combined(), request.article(),
                        request.section());
        // Filters select passages; only the words are marked in the text.
        Query highlight = words != null ? words : query;
        Query inText = FieldQueries.restrict(highlight, Fields.TEXT);
        return new Run(top, matching, inText != null ? inText : highlight, expansions);
    }

    private static TopDocs rankTop(IndexSearcher searcher, Query query, int wanted) throws IOException {
        return searcher.search(query, new TopScoreDocCollectorManager(wanted, null, RANKED_HITS_THRESHOLD));
    }

    private static FacetsCollector collectMatches(IndexSearcher searcher, Query query) throws IOException {
        return searcher.search(query, new FacetsCollectorManager());
    }

    public Optional<PassageView> passage(String id) throws IOException {
        return withSearcher(searcher -> {
            TopDocs top = searcher.search(new TermQuery(new Term(Fields.ID, id)), 1);
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            Document doc = searcher.storedFields().document(top.scoreDocs[0].doc);
            return Optional.of(view(doc, escape(doc.get(Fields.TEXT))));
        });
    }

    /**
     * Where an article slug or passage id of a renamed file lives now: the same id with the old slug replaced by the
     * new one; empty when it never moved. An id is its slug followed by ".section.N", and a slug may itself hold
     * dots (a JSON Lines id), so every dot is tried as the end of the slug, the longest slug first.
     */
    public Optional<String> movedTo(String id) throws IOException {
        return withSearcher(searcher -> {
            Redirects redirects = generationFor(searcher).redirects;
            for (int end = id.length(); end > 0; end = id.lastIndexOf('.', end - 1)) {
                Optional<String> target = redirects.target(id.substring(0, end));
                if (target.isPresent()) {
                    return Optional.of(target.get() + id.substring(end));
                }
            }
            return Optional.empty();
        });
    }

    /**
     * The article's original file in the corpus the index was built from, when it is there: a regular file (no
     * link) inside the corpus folder. Empty for an unknown article, a missing corpus, or a path that would leave it.
     */
    public Optional<Path> sourceOf(String slug) throws IOException {
        return withSearcher(searcher -> {
            Path root = generationFor(searcher).corpusRoot;
            TopDocs top = searcher.search(new TermQuery(new Term(Fields.ARTICLE, slug)), 1);
            if (root == null || top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            String source = searcher.storedFields().document(top.scoreDocs[0].doc, Set.of(Fields.SOURCE)).get(Fields.SOURCE);
            if (source == null || source.isEmpty()) {
                return Optional.empty();
            }
            Path file = root.resolve(source).normalize();
            if (!file.startsWith(root) || !java.nio.file.Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            try {
                return file.toRealPath().startsWith(root.toRealPath()) ? Optional.of(file) : Optional.<Path>empty();
            } catch (IOException gone) {
                return Optional.<Path>empty();
            }
        });
    }

    /** The whole article in reading order; with a query, every passage's matches are marked as in search. */
    public Optional<ArticleView> article(String slug, String query) throws BadQueryException, IOException {
        UserQueryParser.Parsed parsed = query == null || query.isBlank() ? null : parser.parse(query.strip());
        try (SearchTimeLimit.Scope clock = timeLimit.start()) {
            return withSearcher(searcher -> {
                Query highlightQuery = null;
                if (parsed != null && parsed.main() != null) {
                    highlightQuery = expander.expand(parsed.main(), query.strip(), generationFor(searcher).expansions).highlight();
                }
                Query inArticle = new TermQuery(new Term(Fields.ARTICLE, slug));
                int count = searcher.count(inArticle);
                if (count == 0) {
                    return Optional.empty();
                }
                TopDocs top = searcher.search(inArticle, count, new Sort(new SortField(Fields.POSITION, SortField.Type.INT)));
                String[] html = new String[top.scoreDocs.length];
                if (highlightQuery != null) {
                    int[] docIds = Arrays.stream(top.scoreDocs).mapToInt(sd -> sd.doc).toArray();
                    Map<String, String[]> marked = generationFor(searcher).wholeText.highlightFields(
                            new String[] {Fields.TEXT}, highlightQuery, docIds, new int[] {1});
                    html = marked.get(Fields.TEXT);
                }
                StoredFields stored = searcher.storedFields();
                List<ArticleView.Section> sections = new ArrayList<>();
                List<PassageView> current = new ArrayList<>();
                List<String> currentPath = null;
                String title = "";
                String source = "";
                String url = "";
                Document first = null;
                for (int i = 0; i < top.scoreDocs.length; i++) {
                    Document doc = stored.document(top.scoreDocs[i].doc);
                    String passageHtml = html[i] != null ? html[i] : escape(doc.get(Fields.TEXT));
                    PassageView p = view(doc, passageHtml);
                    if (currentPath != null && !currentPath.equals(p.sectionPath())) {
                        addSection(sections, currentPath, current);
                        current = new ArrayList<>();
                    }
                    currentPath = p.sectionPath();
                    current.add(p);
                    title = p.title();
                    source = p.sourceFile();
                    url = Optional.ofNullable(doc.get(Fields.ARTICLE_URL)).orElse("");
                    first = first == null ? doc : first;
                }
                addSection(sections, currentPath, current);
                timeLimit.check();
                return Optional.of(new ArticleView(slug, title, source, url, sections, top.scoreDocs.length,
                        List.of(first.getValues(Fields.ARTICLE_AUTHORS)), stored(first, Fields.ARTICLE_DATE),
                        stored(first, Fields.ARTICLE_DOI), stored(first, Fields.ARTICLE_JOURNAL)));
            });
        } catch (IndexSearcher.TooManyClauses e) {
            throw tooManyTerms();
        } catch (ExitableDirectoryReader.ExitingReaderException e) {
            throw new SearchTimeoutException(timeLimit.limit());
        }
    }

    /** Up to {@code limit} completions of what is being typed: matching headings and titles, then indexed words. */
    public List<Completion> complete(String typed, int limit) throws BadQueryException, IOException {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        if (typed.length() > MAX_COMPLETION_INPUT) {
            throw new BadQueryException("Autocomplete takes at most " + MAX_COMPLETION_INPUT + " characters.");
        }
        if (limit < 1 || limit > MAX_COMPLETIONS) {
            throw new BadQueryException("limit must be between 1 and " + MAX_COMPLETIONS + ", not " + limit + ".");
        }
        // Never waits for a build: the completions of this generation, or of the last one that had them.
        return withSearcher(searcher -> {
            Completions completions = generationFor(searcher).completions();
            return completions == null ? List.<Completion>of()
                    : completions.complete(typed, limit, searcher.getIndexReader());
        });
    }

    /**
     * Search examples drawn from the index being served (frequent words, a heading word, an article slug, a prefix),
     * for the search tips; found once per index generation, on first use.
     */
    public CorpusExamples examples() throws IOException {
        return withSearcher(searcher -> generationFor(searcher).examples());
    }

    /** Passages in the index now. */
    public int passageCount() throws IOException {
        return withSearcher(searcher -> searcher.getIndexReader().numDocs());
    }

    /** The commit being served and its passage count, read from one searcher so the two always agree. */
    public IndexState state() throws IOException {
        return withSearcher(searcher -> {
            IndexReader reader = searcher.getIndexReader();
            long generation = reader instanceof DirectoryReader dr ? dr.getIndexCommit().getGeneration() : 0;
            return new IndexState(generation, reader.numDocs());
        });
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
            throw tooManyTerms();
        } catch (ExitableDirectoryReader.ExitingReaderException e) {
            throw new SearchTimeoutException(timeLimit.limit());
        } catch (IOException e) {
            throw new SearchFailure(IndexDamage.message(indexDir, e).orElse("could not read the index"), e);
        }
    }

    private static BadQueryException tooManyTerms() {
        return new BadQueryException("The query expands to too many terms; use fewer words or longer prefixes.");
    }

    /**
     * Adds a section, preceded by any enclosing heading not yet shown: "Frequently asked questions" has no
     * passages of its own, only its questions do, yet the page needs it as the heading above them.
     */
    private static String stored(Document doc, String field) {
        return Optional.ofNullable(doc.get(field)).orElse("");
    }

    private static void addSection(List<ArticleView.Section> sections, List<String> path, List<PassageView> passages) {
        List<String> previous = sections.isEmpty() ? List.of() : sections.get(sections.size() - 1).path();
        for (int depth = 1; depth < path.size(); depth++) {
            List<String> ancestor = path.subList(0, depth);
            if (previous.size() < depth || !previous.subList(0, depth).equals(ancestor)) {
                sections.add(section(List.copyOf(ancestor), List.of()));
                previous = ancestor;
            }
        }
        sections.add(section(path, passages));
    }

    private static ArticleView.Section section(List<String> path, List<PassageView> passages) {
        return new ArticleView.Section(path, innermost(path), path.size(), passages);
    }

    /** The innermost heading of a section path, or "" outside any section. */
    private static String innermost(List<String> path) {
        return path.isEmpty() ? "" : path.get(path.size() - 1);
    }

    private static void checkPaging(int page, int size) throws BadQueryException {
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new BadQueryException("size must be between 1 and " + MAX_PAGE_SIZE + ", not " + size + ".");
        }
        if (page < 1) {
            throw new BadQueryException("page must be 1 or more, not " + page + ".");
        }
        if ((long) page * size > MAX_RESULT_WINDOW) {
            throw new BadQueryException("page " + page + " is past the deepest result kb shows ("
                    + MAX_RESULT_WINDOW + "); narrow the query instead.");
        }
    }

    private static Query withFilters(Query query, String article, String section) {
        boolean hasArticle = article != null && !article.isBlank();
        boolean hasSection = section != null && !section.isBlank();
        if (!hasArticle && !hasSection) {
            return query;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST);
        if (hasArticle) {
            b.add(new TermQuery(new Term(Fields.ARTICLE, article)), BooleanClause.Occur.FILTER);
        }
        if (hasSection) {
            b.add(new TermQuery(new Term(Fields.SECTION_PATH, section)), BooleanClause.Occur.FILTER);
        }
        return b.build();
    }

    private static long countMatches(FacetsCollector fc) {
        return fc.getMatchingDocs().stream().mapToLong(m -> m.totalHits).sum();
    }

    private List<SearchHit> hits(IndexSearcher searcher, Generation gen, Query userQuery, String text, ScoreDoc[] docs)
            throws IOException {
        if (docs.length == 0) {
            return List.of();
        }
        // One passage at a time, with the time limit checked between: the highlighter re-analyses the text for
        // fuzzy and wildcard words (measured: the slowest phase of a five-fuzzy-word query), and no reader check
        // reaches into that.
        String[] snippets = new String[docs.length];
        for (int i = 0; i < docs.length; i++) {
            timeLimit.check();
            TopDocs one = new TopDocs(new TotalHits(1, TotalHits.Relation.EQUAL_TO), new ScoreDoc[] {docs[i]});
            snippets[i] = gen.snippets.highlight(Fields.TEXT, userQuery, one, SNIPPET_PASSAGES)[0];
        }
        StoredFields stored = searcher.storedFields();
        List<SearchHit> hits = new ArrayList<>(docs.length);
        for (int i = 0; i < docs.length; i++) {
            Document doc = stored.document(docs[i].doc, HIT_FIELDS);
            List<String> path = Arrays.asList(doc.getValues(Fields.HEADING));
            String id = doc.get(Fields.ID);
            String slug = doc.get(Fields.ARTICLE);
            String snippet = snippets[i] != null ? snippets[i] : escape(doc.get(Fields.TEXT));
            hits.add(new SearchHit(id, slug, doc.get(Fields.TITLE), innermost(path), path, doc.get(Fields.KIND), doc.get(Fields.TEXT), snippet, Links.passageInArticle(slug, id, text),
                    doc.get(Fields.CITATION), page(doc), docs[i].score));
        }
        return hits;
    }

    private Facets facets(IndexSearcher searcher, Generation gen, FacetsCollector fc) throws IOException {
        if (gen.facetState == null) {
            return Facets.EMPTY;
        }
        SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(gen.facetState, fc);
        List<FacetCount> articles = new ArrayList<>();
        FacetResult byArticle = counts.getTopChildren(FACET_VALUES, Fields.ARTICLE);
        if (byArticle != null) {
            for (LabelAndValue lv : byArticle.labelValues) {
                articles.add(new FacetCount(lv.label, gen.titleOf(searcher, lv.label), lv.value.longValue()));
            }
        }
        List<FacetCount> sections = new ArrayList<>();
        FacetResult bySection = counts.getTopChildren(FACET_VALUES, Fields.SECTION_PATH);
        if (bySection != null) {
            for (LabelAndValue lv : bySection.labelValues) {
                sections.add(new FacetCount(lv.label, lv.label, lv.value.longValue()));
            }
        }
        return new Facets(articles, sections);
    }

    private static PassageView view(Document doc, String html) {
        List<String> path = Arrays.asList(doc.getValues(Fields.HEADING));
        String id = doc.get(Fields.ID);
        String slug = doc.get(Fields.ARTICLE);
        int ordinal = doc.getField(Fields.ORDINAL).numericValue().intValue();
        return new PassageView(id, slug, doc.get(Fields.TITLE), innermost(path), path,
                doc.get(Fields.KIND), ordinal, doc.get(Fields.TEXT), html, Links.passage(id),
                Links.passageInArticle(slug, id, null), doc.get(Fields.CITATION), doc.get(Fields.SOURCE), page(doc));
    }

    /** The page a passage starts on, or null for a format without pages. */
    private static Integer page(Document doc) {
        org.apache.lucene.index.IndexableField page = doc.getField(Fields.PAGE);
        return page == null ? null : page.numericValue().intValue();
    }

    /** The same escaping the highlighter applies, for text shown without highlights. */
    private static String escape(String text) {
        return Entities.escape(text == null ? "" : text);
    }

    private static Generation generationFor(IndexSearcher searcher) {
        return ((GenerationSearcher) searcher).generation;
    }

    /** What is built once per index generation and shared by every request that sees it. */
    private static final class Generation {
        final IndexReader reader;
        private final IndexSearcher searcher;
        final SortedSetDocValuesReaderState facetState;
        final UnifiedHighlighter snippets;
        final UnifiedHighlighter wholeText;
        final ExpansionDictionary expansions;
        final Redirects redirects;
        /** The real path of the corpus this generation was built from; null for an index that records none. */
        final Path corpusRoot;
        private final Map<String, String> titles = java.util.Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > 10_000;
            }
        });

        Generation(IndexSearcher searcher, Completions previous) throws IOException {
            this.reader = searcher.getIndexReader();
            this.searcher = searcher;
            this.completions = previous;
            SortedSetDocValuesReaderState state;
            try {
                state = new DefaultSortedSetDocValuesReaderState(reader, PassageDocuments.facetsConfig());
            } catch (IllegalArgumentException noFacetsIndexed) {
                state = null;
            }
            this.facetState = state;
            Map<String, String> commitData = reader instanceof DirectoryReader dr ? dr.getIndexCommit().getUserData() : Map.of();
            this.expansions = ExpansionDictionary.fromCommit(commitData);
            this.redirects = Redirects.fromCommit(commitData);
            String corpus = commitData.get(Fields.COMMIT_CORPUS_PATH);
            this.corpusRoot = corpus == null || corpus.isEmpty() ? null : Path.of(corpus);
            DefaultPassageFormatter formatter = new DefaultPassageFormatter("<mark>", "</mark>", ELLIPSIS, true);
            this.snippets = UnifiedHighlighter.builder(searcher, Analyzers.perField())
                    .withFormatter(formatter)
                    // Whole sentences, grown to a readable length: initials ("Zarate Jr, C. A.") end no snippet.
                    .withBreakIterator(() -> LengthGoalBreakIterator.createMinLength(
                            BreakIterator.getSentenceInstance(Locale.ROOT), SNIPPET_MIN_CHARS, 0.5f))
                    .build();
            this.wholeText = UnifiedHighlighter.builder(searcher, Analyzers.perField())
                    .withFormatter(formatter)
                    .withBreakIterator(WholeBreakIterator::new)
                    .withMaxLength(Integer.MAX_VALUE - 1)
                    .build();
        }

        private volatile CorpusExamples examples;

        /** Found on first use rather than at open: most generations of a watched corpus never show the tips. */
        CorpusExamples examples() throws IOException {
            CorpusExamples found = examples;
            if (found == null) {
                synchronized (this) {
                    if (examples == null) {
                        examples = CorpusExampleFinder.find(reader, facetState, slug -> titleOf(searcher, slug));
                    }
                    found = examples;
                }
            }
            return found;
        }

        /** The previous generation's until this one's are built; null only when none was ever built. */
        private volatile Completions completions;

        Completions completions() {
            return completions;
        }

        /** On the build thread, never in a request. */
        void buildCompletions() throws IOException {
            Map<String, Long> headings = new LinkedHashMap<>();
            if (facetState != null) {
                SortedSetDocValuesFacetCounts all = new SortedSetDocValuesFacetCounts(facetState);
                FacetResult sections = all.getAllChildren(Fields.SECTION_PATH);
                if (sections != null) {
                    for (LabelAndValue lv : sections.labelValues) {
                        String label = lv.label;
                        int last = label.lastIndexOf(PATH_SEPARATOR);
                        String heading = last < 0 ? label : label.substring(last + PATH_SEPARATOR.length());
                        headings.merge(heading, lv.value.longValue(), Long::sum);
                    }
                }
                FacetResult articles = all.getAllChildren(Fields.ARTICLE);
                if (articles != null) {
                    for (LabelAndValue lv : articles.labelValues) {
                        headings.merge(titleOf(searcher, lv.label), lv.value.longValue(), Long::sum);
                    }
                }
            }
            completions = new Completions(headings);
        }

        String titleOf(IndexSearcher searcher, String slug) throws IOException {
            String cached = titles.get(slug);
            if (cached != null) {
                return cached;
            }
            TopDocs top = searcher.search(new TermQuery(new Term(Fields.ARTICLE, slug)), 1);
            String title = top.scoreDocs.length == 0 ? slug
                    : searcher.storedFields().document(top.scoreDocs[0].doc, Set.of(Fields.TITLE)).get(Fields.TITLE);
            titles.put(slug, title);
            return title;
        }
    }

    @Override
    public void close() throws IOException {
        completionsBuilder.shutdownNow();
        try {
            // A build holds a reference to its reader; let it finish before the directory under it closes.
            completionsBuilder.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            manager.close();
        } finally {
            directory.close();
        }
    }

    /** The index could not be read: a server fault, not a bad query. */
    public static final class SearchFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SearchFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
