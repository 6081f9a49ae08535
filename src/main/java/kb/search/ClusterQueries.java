package kb.search;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kb.index.Fields;
import kb.solr.SolrNodes;
import kb.solr.SolrSchema;
import kb.solr.SolrUnavailableException;
import kb.solr.plugin.KbQParserPlugin;
import org.apache.lucene.document.Document;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.util.NamedList;

/**
 * The requests kb's cluster engine sends, one method per question, in kb's terms (passage ids, slugs, scores,
 * counts): the ranked candidates with their total and facet counts, articles' scores by their whole text, stored
 * passages, the metadata document. Every query of words is kb's own ({@code {!kb}}, {@link KbQParserPlugin}); the
 * words and the expansion matches travel as parameters, never pasted into query syntax. Solr's refusals become
 * kb's: 400 a {@link BadQueryException}, no node or no live replica an {@link EngineUnavailableException}, past
 * the time limit a {@link SearchTimeoutException}.
 */
final class ClusterQueries {
    /** A lexical candidate: the passage, its article, its place in corpus order (ties) and its score. */
    record Candidate(String id, String article, long seq, float score) {}

    /** The best candidates, how many passages match, and the matches' counts by article and by section path. */
    record Ranked(long total, List<Candidate> candidates, Map<String, Long> byArticle, Map<String, Long> bySection) {}

    /** What separates ids and slugs in a terms filter: no id, slug or file name holds a line break. */
    private static final String SEPARATOR = "\n";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PASSAGES_PER_ARTICLE_PAGE = SearchLimits.MAX_RESULT_WINDOW;

    private final SolrNodes nodes;
    private final String collection;
    private final SearchTimeLimit timeLimit;

    ClusterQueries(SolrNodes nodes, String collection, SearchTimeLimit timeLimit) {
        this.nodes = nodes;
        this.collection = collection;
        this.timeLimit = timeLimit;
    }

    /** The best {@code rows} passages by the ranked query (ties in corpus order), with every match counted and faceted. */
    Ranked ranked(String text, String article, String section, String expansions, int rows) throws BadQueryException {
        ModifiableSolrParams p = kbQuery(QueryForms.Part.RANKED, text, article, section, expansions);
        p.set("rows", rows);
        p.set("fl", Fields.ID + "," + Fields.ARTICLE + "," + SolrSchema.SEQ + ",score");
        p.set("sort", "score desc," + SolrSchema.SEQ + " asc");
        p.set("facet", true);
        p.add("facet.field", Fields.ARTICLE, Fields.SECTION_PATH);
        // Every value: the articles block needs any article's count, and only the client sorts them as the embedded
        // facets do (count, then label), so distributed faceting never leaves a value out.
        p.set("facet.limit", -1);
        p.set("facet.mincount", 1);
        p.set("facet.sort", "count");
        QueryResponse r = query(p);
        List<Candidate> out = new ArrayList<>();
        for (SolrDocument d : r.getResults()) {
            out.add(new Candidate((String) d.getFirstValue(Fields.ID), (String) d.getFirstValue(Fields.ARTICLE),
                    ((Number) d.getFirstValue(SolrSchema.SEQ)).longValue(), ((Number) d.getFieldValue("score")).floatValue()));
        }
        return new Ranked(r.getResults().getNumFound(), out, counts(r.getFacetField(Fields.ARTICLE)),
                counts(r.getFacetField(Fields.SECTION_PATH)));
    }

    /** How many passages the counted form of the query matches (no scores, no rows). */
    long count(String text, String article, String section, String expansions) throws BadQueryException {
        ModifiableSolrParams p = kbQuery(QueryForms.Part.COUNTED, text, article, section, expansions);
        p.set("rows", 0);
        return query(p).getResults().getNumFound();
    }

    /** The scores of these articles' whole text for the query's words (articles it does not match are absent). */
    Map<String, Float> articleScores(String text, String expansions, Collection<String> slugs) throws BadQueryException {
        if (slugs.isEmpty()) {
            return Map.of();
        }
        ModifiableSolrParams p = kbQuery(QueryForms.Part.ARTICLES, text, null, null, expansions);
        p.set("fq", "{!terms f=" + Fields.ARTICLE + " separator=$kb.sep v=$kb.slugs}");
        p.set("kb.slugs", String.join(SEPARATOR, slugs));
        p.set("rows", slugs.size());
        p.set("fl", Fields.ARTICLE + ",score");
        return articleScoresOf(query(p));
    }

    /** The best {@code n} articles by their whole text, best first (ties in corpus order). */
    LinkedHashMap<String, Float> topArticles(String text, String expansions, int n) throws BadQueryException {
        ModifiableSolrParams p = kbQuery(QueryForms.Part.ARTICLES, text, null, null, expansions);
        p.set("rows", Math.max(1, n));
        p.set("fl", Fields.ARTICLE + ",score");
        p.set("sort", "score desc," + SolrSchema.SEQ + " asc");
        return articleScoresOf(query(p));
    }

    private static LinkedHashMap<String, Float> articleScoresOf(QueryResponse r) {
        LinkedHashMap<String, Float> out = new LinkedHashMap<>();
        for (SolrDocument d : r.getResults()) {
            out.putIfAbsent((String) d.getFirstValue(Fields.ARTICLE), ((Number) d.getFieldValue("score")).floatValue());
        }
        return out;
    }

    /** The stored fields of these passages, in the order of {@code ids} (a passage the cluster lacks is left out). */
    List<Document> passages(List<String> ids) throws BadQueryException {
        if (ids.isEmpty()) {
            return List.of();
        }
        ModifiableSolrParams p = plain("{!terms f=" + Fields.ID + " separator=$kb.sep v=$kb.ids}");
        p.set("kb.ids", String.join(SEPARATOR, ids));
        p.set("rows", ids.size());
        p.set("fl", "*");
        Map<String, Document> byId = new HashMap<>();
        for (SolrDocument d : query(p).getResults()) {
            byId.put((String) d.getFirstValue(Fields.ID), ClusterDocuments.of(d));
        }
        List<Document> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            Document d = byId.get(id);
            if (d != null) {
                out.add(d);
            }
        }
        return out;
    }

    /** Every passage of the article, in reading order; empty for an unknown slug. */
    List<Document> article(String slug) throws BadQueryException {
        ModifiableSolrParams p = plain("{!term f=" + Fields.ARTICLE + " v=$kb.slug}");
        p.set("kb.slug", slug);
        p.set("rows", PASSAGES_PER_ARTICLE_PAGE);
        p.set("sort", Fields.POSITION + " asc");
        p.set("fl", "*");
        List<Document> out = new ArrayList<>();
        for (SolrDocument d : query(p).getResults()) {
            out.add(ClusterDocuments.of(d));
        }
        return out;
    }

    /** The first passage's stored {@code field} of each article (its title, its source file). */
    Map<String, String> firstPassageValues(Collection<String> slugs, String field) throws BadQueryException {
        if (slugs.isEmpty()) {
            return Map.of();
        }
        ModifiableSolrParams p = plain("{!terms f=" + Fields.ARTICLE + " separator=$kb.sep v=$kb.slugs}");
        p.set("kb.slugs", String.join(SEPARATOR, slugs));
        p.set("fq", Fields.POSITION + ":0");
        p.set("rows", slugs.size());
        p.set("fl", Fields.ARTICLE + "," + field);
        Map<String, String> out = new HashMap<>();
        for (SolrDocument d : query(p).getResults()) {
            Object v = d.getFirstValue(field);
            out.put((String) d.getFirstValue(Fields.ARTICLE), v == null ? "" : v.toString());
        }
        return out;
    }

    /** The collection's commit data (the metadata document's JSON); empty when it has none yet. */
    Map<String, String> meta() throws BadQueryException {
        ModifiableSolrParams p = plain("{!term f=" + Fields.ID + " v=$kb.id}");
        p.set("kb.id", SolrSchema.META_ID);
        p.set("rows", 1);
        p.set("fl", SolrSchema.META_FIELD);
        List<SolrDocument> docs = query(p).getResults();
        if (docs.isEmpty() || docs.get(0).getFirstValue(SolrSchema.META_FIELD) == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(docs.get(0).getFirstValue(SolrSchema.META_FIELD).toString(), new TypeReference<>() {});
        } catch (IOException e) {
            throw new SearchFailure("the collection's metadata document cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Passages per innermost heading and per article title over the whole collection, as the embedded engine's
     * completions are built ({@code Generation.buildCompletions}).
     */
    Map<String, Long> headingsAndTitles(ClusterGeneration gen) throws BadQueryException {
        ModifiableSolrParams p = plain("*:*");
        p.set("fq", "-" + Fields.ID + ":\"" + SolrSchema.META_ID + "\"");
        p.set("rows", 0);
        p.set("facet", true);
        p.add("facet.field", Fields.ARTICLE, Fields.SECTION_PATH);
        p.set("facet.limit", -1);
        p.set("facet.mincount", 1);
        p.set("facet.sort", "index");
        QueryResponse r = query(p);
        Map<String, Long> headings = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : counts(r.getFacetField(Fields.SECTION_PATH)).entrySet()) {
            List<String> path = Fields.sectionPath(e.getKey());
            headings.merge(path.get(path.size() - 1), e.getValue(), Long::sum);
        }
        Map<String, Long> articles = counts(r.getFacetField(Fields.ARTICLE));
        Map<String, String> titles = gen.titles(new ArrayList<>(articles.keySet()));
        for (Map.Entry<String, Long> e : articles.entrySet()) {
            headings.merge(titles.get(e.getKey()), e.getValue(), Long::sum);
        }
        return headings;
    }

    /** How many passages the collection holds (the metadata document is none). */
    long passageCount() throws BadQueryException {
        ModifiableSolrParams p = plain("*:*");
        p.set("fq", "-" + Fields.ID + ":\"" + SolrSchema.META_ID + "\"");
        p.set("rows", 0);
        return query(p).getResults().getNumFound();
    }

    /** Runs any request on the collection, with the mapping of failures above. */
    NamedList<Object> request(SolrRequest<?> request) throws BadQueryException {
        return call(() -> nodes.request(request, collection));
    }

    private ModifiableSolrParams kbQuery(QueryForms.Part part, String text, String article, String section,
            String expansions) {
        StringBuilder local = new StringBuilder("{!").append(KbQParserPlugin.NAME).append(' ')
                .append(KbQParserPlugin.PART).append('=').append(part.name().toLowerCase(java.util.Locale.ROOT));
        ModifiableSolrParams p = new ModifiableSolrParams();
        p.set("kb.sep", SEPARATOR);
        p.set("kb.q", text);
        if (article != null && !article.isBlank()) {
            p.set("kb.article", article);
            local.append(' ').append(KbQParserPlugin.ARTICLE).append("=$kb.article");
        }
        if (section != null && !section.isBlank()) {
            p.set("kb.section", section);
            local.append(' ').append(KbQParserPlugin.SECTION).append("=$kb.section");
        }
        if (expansions != null && !expansions.isBlank()) {
            p.set("kb.ex", expansions);
            local.append(' ').append(KbQParserPlugin.EXPANSIONS).append("=$kb.ex");
        }
        p.set("q", local.append(" v=$kb.q}").toString());
        return p;
    }

    private static ModifiableSolrParams plain(String q) {
        ModifiableSolrParams p = new ModifiableSolrParams();
        p.set("q", q);
        p.set("kb.sep", SEPARATOR);
        return p;
    }

    private static Map<String, Long> counts(FacetField field) {
        Map<String, Long> out = new LinkedHashMap<>();
        if (field != null && field.getValues() != null) {
            for (FacetField.Count c : field.getValues()) {
                // A passage outside any section has the section path "": the embedded index gives it no facet value.
                if (!c.getName().isEmpty()) {
                    out.put(c.getName(), c.getCount());
                }
            }
        }
        return out;
    }

    private QueryResponse query(ModifiableSolrParams p) throws BadQueryException {
        p.set("timeAllowed", Long.toString(timeLimit.remainingMillis()));
        QueryResponse r = call(() -> nodes.process(new QueryRequest(p, SolrRequest.METHOD.POST), collection));
        Object partial = r.getResponseHeader() == null ? null : r.getResponseHeader().get("partialResults");
        if (Boolean.TRUE.equals(partial)) {
            // Solr stopped at the time limit and answered what it had: never shown as complete.
            throw new SearchTimeoutException(timeLimit.limit());
        }
        return r;
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws SolrServerException, IOException;
    }

    private <T> T call(Call<T> call) throws BadQueryException {
        try {
            return call.run();
        } catch (SolrUnavailableException e) {
            throw new EngineUnavailableException("The search cluster cannot answer: " + e.getMessage(), e);
        } catch (SolrException e) {
            if (e.code() == 400) {
                throw new BadQueryException(solrMessage(e));
            }
            if (e.code() == 404) {
                throw new EngineUnavailableException("The search cluster has no collection " + collection
                        + "; run `kb index --solr … --collection " + collection + "` first.", e);
            }
            if (e.code() >= 500 && e.code() != 500) {
                throw new EngineUnavailableException("The search cluster cannot answer: " + solrMessage(e), e);
            }
            throw new SearchFailure("the search cluster failed: " + solrMessage(e), e);
        } catch (SolrServerException | IOException e) {
            throw new EngineUnavailableException("The search cluster cannot answer: " + e.getMessage(), e);
        }
    }

    /** Solr's message without its server address and exception class names: kb's message for a refused query. */
    static String solrMessage(SolrException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        int syntax = m.indexOf("SyntaxError: ");
        if (syntax >= 0) {
            return m.substring(syntax + "SyntaxError: ".length()).strip();
        }
        int colon = m.indexOf(": ", m.startsWith("Error from server at ") ? m.indexOf("/solr") : 0);
        return (colon >= 0 ? m.substring(colon + 2) : m).strip();
    }

    /** The engine's collection name (an alias, for collections kb built). */
    String collection() {
        return collection;
    }

    /** The cluster's nodes, as given. */
    SolrNodes nodes() {
        return nodes;
    }

    static Optional<String> first(Map<String, String> values, String key) {
        return Optional.ofNullable(values.get(key)).filter(v -> !v.isEmpty());
    }
}
