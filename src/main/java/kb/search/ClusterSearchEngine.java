package kb.search;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kb.index.Fields;
import kb.meaning.Embedder;
import kb.solr.SolrNodes;
import org.apache.lucene.document.Document;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.response.CollectionAdminResponse;

/**
 * The cluster engine: kb's search on a SolrCloud collection, answering every call of {@link SearchEngine} with the
 * same records as the embedded engine. The cluster scores kb's own query with exact statistics across shards; kb
 * ranks, rescores, corrects, facets and highlights with the embedded engine's code ({@link ClusterRanking},
 * {@link ClusterPages}). A search sees one concrete collection from start to end ({@link ClusterGeneration}); the
 * name kb is given is usually an alias that a full rebuild switches, re-read at most every {@value #RECHECK_MS} ms
 * and whenever a search finds its collection gone (then the search runs again, once, on the new one).
 * With an embedder and a collection whose passages all have vectors, searches rank by meaning too, as embedded.
 */
public final class ClusterSearchEngine implements SearchEngine {
    private static final long RECHECK_MS = 1_000;

    private final SolrNodes nodes;
    /** Embeds queries for search by meaning; null when meaning is off or not available here. */
    private final Embedder embedder;
    private final String name;
    private final SearchTimeLimit timeLimit;
    private final QueryPlanner planner = new QueryPlanner();
    private final ClusterRanking ranking = new ClusterRanking(planner);
    private volatile ClusterGeneration gen;
    private volatile long checkedAt;

    private ClusterSearchEngine(SolrNodes nodes, String name, Duration timeLimit, Embedder embedder) {
        this.embedder = embedder;
        this.nodes = nodes;
        this.name = name;
        this.timeLimit = new SearchTimeLimit(timeLimit);
    }

    /**
     * The collection (or alias) {@code name} on the cluster at {@code nodes}, each search held to {@code timeLimit}.
     * Fails with a plain message when no node answers or the collection does not exist; closing the engine closes
     * {@code nodes}.
     */
    public static ClusterSearchEngine open(SolrNodes nodes, String name, Duration timeLimit) throws IOException {
        return open(nodes, name, timeLimit, null);
    }

    /** As {@link #open(SolrNodes, String, Duration)}, searching by meaning too with {@code embedder} (null: words only). */
    public static ClusterSearchEngine open(SolrNodes nodes, String name, Duration timeLimit, Embedder embedder)
            throws IOException {
        ClusterSearchEngine engine = new ClusterSearchEngine(nodes, name, timeLimit, embedder);
        try {
            engine.refresh();
        } catch (RuntimeException e) {
            throw new IOException(e.getMessage(), e);
        }
        return engine;
    }

    @Override
    public SearchPage search(SearchRequest request) throws BadQueryException {
        long start = System.nanoTime();
        String text = request.query() == null ? "" : request.query().strip();
        SearchLimits.checkPaging(request.page(), request.size());
        if (text.isEmpty()) {
            return new SearchPage("", 0, 0, request.page(), request.size(), List.of(), Facets.EMPTY, List.of(), null,
                    List.of(), SearchMode.LEXICAL, 0);
        }
        UserQueryParser.Parsed parsed = planner.parse(text);
        return onOneCollection(g -> ClusterPages.page(g, ClusterModes.rank(g, ranking, embedder, parsed, text, null,
                request, request.page() * request.size()), embedder, request, timeLimit, start));
    }

    @Override
    public List<RankedId> rank(String query, int depth, boolean byArticle, boolean asText, SearchMode mode)
            throws BadQueryException {
        RankQuery q = RankQuery.of(planner, query, depth, byArticle, asText, mode);
        if (q == null) {
            return List.of();
        }
        return onOneCollection(g -> {
            ClusterModes.Ranked ranked = ClusterModes.rank(g, ranking, embedder, q.parsed(), q.searched(),
                    q.plainWords(), q.request(), q.passages());
            List<RankedId> out = new ArrayList<>();
            if (byArticle) {
                for (ArticleRanking.Scored<String> a : ClusterRanking.articles(g, ranked.plan().run(),
                        ranked.forArticles(), depth)) {
                    out.add(new RankedId(a.key(), a.score()));
                }
                return out;
            }
            Map<String, RankedId> ids = new LinkedHashMap<>();
            for (ClusterQueries.Candidate c : ranked.docs()) {
                if (ids.size() >= depth) {
                    break;
                }
                ids.putIfAbsent(c.id(), new RankedId(c.id(), c.score()));
            }
            return List.copyOf(ids.values());
        });
    }

    @Override
    public Optional<PassageView> passage(String id) throws IOException {
        return reading(g -> g.stored.passages(List.of(id)).stream().findFirst().map(d -> StoredPassages.view(d, null)));
    }

    @Override
    public Optional<ArticleView> article(String slug, String query) throws BadQueryException, IOException {
        String text = query == null ? "" : query.strip();
        if (!text.isEmpty()) {
            planner.parse(text);
        }
        return onOneCollection(g -> {
            List<Document> docs = g.stored.article(slug);
            if (docs.isEmpty()) {
                return Optional.<ArticleView>empty();
            }
            MarkedText[] marked = new MarkedText[docs.size()];
            org.apache.lucene.search.Query words = text.isEmpty() ? null : planner.highlightOnly(text, g.expansions);
            if (words != null) {
                try (LocalHighlights local = new LocalHighlights(docs.stream().map(d -> d.get(Fields.TEXT)).toList())) {
                    marked = local.wholeTexts(words);
                }
            }
            return Optional.of(ArticleAssembler.assembled(slug, docs, marked));
        });
    }

    @Override
    public Optional<RelatedPassages> related(String passageId, int limit) throws IOException {
        return reading(g -> g.stored.passages(List.of(passageId)).isEmpty() ? Optional.<RelatedPassages>empty()
                : Optional.of(g.vectors.related(passageId, limit)));
    }

    @Override
    public Optional<String> movedTo(String id) throws IOException {
        return current().redirects.movedTo(id);
    }

    @Override
    public Optional<Path> sourceOf(String slug) throws IOException {
        return reading(g -> CorpusSources.fileAt(g.corpusRoot,
                g.stored.firstPassageValues(List.of(slug), Fields.SOURCE).get(slug)));
    }

    @Override
    public List<Completion> complete(String typed, int limit) throws BadQueryException, IOException {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        SearchLimits.checkCompletion(typed, limit);
        // Never waits for a build: this build's completions, or the last build's that had them.
        return onOneCollection(g -> {
            Completions completions = g.completions();
            return completions == null ? List.<Completion>of() : completions.complete(typed, limit, g.vocabulary);
        });
    }

    @Override
    public CorpusExamples examples() throws IOException {
        return reading(ClusterExamples::of);
    }

    @Override
    public IndexState state() throws IOException {
        return reading(g -> new IndexState(g.generation, (int) Math.min(Integer.MAX_VALUE, g.stored.passageCount()),
                (int) Math.min(Integer.MAX_VALUE, g.vectors.withVectors())));
    }

    @Override
    public Optional<ClusterState> cluster() throws IOException {
        String concrete = current().collection;
        try {
            CollectionAdminRequest.ClusterStatus status = CollectionAdminRequest.getClusterStatus()
                    .setCollectionName(concrete);
            return Optional.of(ClusterStatus.of(name, concrete, nodes.request(status, null)));
        } catch (SolrServerException | RuntimeException e) {
            throw new EngineUnavailableException("The search cluster cannot answer: " + e.getMessage(), e);
        }
    }

    /** Re-reads which collection the name stands for and that collection's build. */
    @Override
    public void refresh() throws IOException {
        String concrete = resolve();
        ClusterQueries queries = new ClusterQueries(nodes, concrete, timeLimit);
        Map<String, String> meta;
        try {
            meta = new ClusterStored(queries).meta();
        } catch (BadQueryException e) {
            throw new IOException(e.getMessage(), e);
        }
        ClusterGeneration now = gen;
        if (now == null || !now.collection.equals(concrete) || !now.run.equals(meta.getOrDefault(Fields.COMMIT_RUN, ""))) {
            gen = new ClusterGeneration(concrete, queries, meta, now);
        }
        checkedAt = System.nanoTime();
    }

    /** The collection an alias points to; the name itself when it is no alias. */
    private String resolve() throws IOException {
        try {
            CollectionAdminResponse r = nodes.process(new CollectionAdminRequest.ListAliases(), null);
            String target = r.getAliases() == null ? null : r.getAliases().get(name);
            return target == null || target.isBlank() ? name : target.split(",")[0].strip();
        } catch (SolrServerException | RuntimeException e) {
            throw new EngineUnavailableException("The search cluster cannot answer: " + e.getMessage(), e);
        }
    }

    private ClusterGeneration current() throws IOException {
        if (gen == null || (System.nanoTime() - checkedAt) / 1_000_000 > RECHECK_MS) {
            refresh();
        }
        return gen;
    }

    /** Work on one generation of the collection, within the time limit. */
    @FunctionalInterface
    private interface Work<T> {
        T on(ClusterGeneration gen) throws BadQueryException, IOException;
    }

    private <T> T onOneCollection(Work<T> work) throws BadQueryException {
        ClusterGeneration started;
        try {
            started = current();
        } catch (IOException e) {
            throw new EngineUnavailableException("The search cluster cannot answer: " + e.getMessage(), e);
        }
        try {
            return timed(work, started);
        } catch (EngineUnavailableException | SearchFailure e) {
            // A full rebuild may have switched the alias and deleted the collection this search began on.
            ClusterGeneration now;
            try {
                refresh();
                now = gen;
            } catch (IOException | RuntimeException again) {
                throw e;
            }
            if (now.collection.equals(started.collection)) {
                throw e;
            }
            return timed(work, now);
        }
    }

    private <T> T timed(Work<T> work, ClusterGeneration g) throws BadQueryException {
        try (SearchTimeLimit.Scope clock = timeLimit.start()) {
            T result = work.on(g);
            timeLimit.check();
            return result;
        } catch (IOException e) {
            throw new EngineUnavailableException("The search cluster cannot answer: " + e.getMessage(), e);
        }
    }

    private <T> T reading(Work<T> work) throws IOException {
        try {
            return onOneCollection(work);
        } catch (BadQueryException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        nodes.close();
    }
}
