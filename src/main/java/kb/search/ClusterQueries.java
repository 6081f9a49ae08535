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

    /**
     * The best candidates, how many passages match, and the matches' counts of the articles and section paths with
     * the most of them (the facets' largest, and some more).
     */
    record Ranked(long total, List<Candidate> candidates, Map<String, Long> byArticle, Map<String, Long> bySection) {}

    /** What separates ids and slugs in a terms filter: no id, slug or file name holds a line break. */
    static final String SEPARATOR = "\n";
    /** How many more facet values than shown each shard is asked for, so that the shown ones are the true largest. */
    private static final int FACET_OVERREQUEST = 100;

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
        // The largest values (one more, for the empty section path the embedded facets never count), each shard
        // asked for many more so that Solr's refinement makes the counts exact; any other article's count the page
        // needs is asked for by name (countsIn). Every value of a large corpus would cost more than the search.
        p.set("facet.limit", SearchLimits.FACET_VALUES + 1);
        p.set("facet.overrequest.count", FACET_OVERREQUEST);
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

    /** How many passages matching the counted query each of some articles and sections holds. */
    record Counts(Map<String, Long> articles, Map<String, Long> sections) {
        static final Counts NONE = new Counts(Map.of(), Map.of());
    }

    /** The counted query's matches in each of these articles and sections, by name (exact, summed over shards). */
    Counts countsIn(String text, String article, String section, String expansions, Collection<String> slugs,
            Collection<String> sectionKeys) throws BadQueryException {
        if (slugs.isEmpty() && sectionKeys.isEmpty()) {
            return Counts.NONE;
        }
        ModifiableSolrParams p = kbQuery(QueryForms.Part.COUNTED, text, article, section, expansions);
        p.set("rows", 0);
        p.set("facet", true);
        List<String> articleKeys = new ArrayList<>(slugs);
        List<String> sections = new ArrayList<>(sectionKeys);
        for (int i = 0; i < articleKeys.size(); i++) {
            p.add("facet.query", "{!term f=" + Fields.ARTICLE + " v=$kb.fa" + i + "}");
            p.set("kb.fa" + i, articleKeys.get(i));
        }
        for (int i = 0; i < sections.size(); i++) {
            p.add("facet.query", "{!term f=" + Fields.SECTION_PATH + " v=$kb.fs" + i + "}");
            p.set("kb.fs" + i, sections.get(i));
        }
        Map<String, Integer> found = query(p).getFacetQuery();
        Map<String, Long> a = new HashMap<>();
        for (int i = 0; i < articleKeys.size(); i++) {
            a.put(articleKeys.get(i), (long) found.getOrDefault("{!term f=" + Fields.ARTICLE + " v=$kb.fa" + i + "}", 0));
        }
        Map<String, Long> sc = new HashMap<>();
        for (int i = 0; i < sections.size(); i++) {
            sc.put(sections.get(i), (long) found.getOrDefault("{!term f=" + Fields.SECTION_PATH + " v=$kb.fs" + i + "}", 0));
        }
        return new Counts(a, sc);
    }

    /** Which of these passages the counted form of the query matches. */
    java.util.Set<String> matching(String text, String article, String section, String expansions, Collection<String> ids)
            throws BadQueryException {
        java.util.Set<String> out = new java.util.HashSet<>();
        if (ids.isEmpty()) {
            return out;
        }
        ModifiableSolrParams p = kbQuery(QueryForms.Part.COUNTED, text, article, section, expansions);
        p.set("fq", "{!terms f=" + Fields.ID + " separator=$kb.sep v=$kb.ids}");
        p.set("kb.ids", String.join(SEPARATOR, ids));
        p.set("rows", ids.size());
        p.set("fl", Fields.ID);
        for (SolrDocument d : query(p).getResults()) {
            out.add((String) d.getFirstValue(Fields.ID));
        }
        return out;
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

    private static LinkedHashMap<String, Float> articleScoresOf(QueryResponse r) {
        LinkedHashMap<String, Float> out = new LinkedHashMap<>();
        for (SolrDocument d : r.getResults()) {
            out.putIfAbsent((String) d.getFirstValue(Fields.ARTICLE), ((Number) d.getFieldValue("score")).floatValue());
        }
        return out;
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

    static ModifiableSolrParams plain(String q) {
        ModifiableSolrParams p = new ModifiableSolrParams();
        p.set("q", q);
        p.set("kb.sep", SEPARATOR);
        return p;
    }

    static Map<String, Long> counts(FacetField field) {
        Map<String, Long> out = new LinkedHashMap<>();
        if (field != null && field.getValues() != null) {
            for (FacetField.Count c : field.getValues()) {
                // A passage outside any section has the empty path, which the embedded facets never count.
                if (!c.getName().isEmpty()) {
                    out.put(c.getName(), c.getCount());
                }
            }
        }
        return out;
    }

    QueryResponse query(ModifiableSolrParams p) throws BadQueryException {
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
