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
import kb.solr.SolrSchema;
import org.apache.lucene.document.Document;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * What kb reads back from a cluster collection beside rankings: passages' stored fields (as the embedded engine's
 * documents, {@link ClusterDocuments}), an article's passages in reading order, first passages' values (titles,
 * source files), the metadata document, and counts over the whole collection.
 */
final class ClusterStored {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PASSAGES_PER_ARTICLE_PAGE = SearchLimits.MAX_RESULT_WINDOW;

    private final ClusterQueries queries;

    ClusterStored(ClusterQueries queries) {
        this.queries = queries;
    }

    /** The stored fields of these passages, in the order of {@code ids} (a passage the cluster lacks is left out). */
    List<Document> passages(List<String> ids) throws BadQueryException {
        if (ids.isEmpty()) {
            return List.of();
        }
        ModifiableSolrParams p = ClusterQueries.plain("{!terms f=" + Fields.ID + " separator=$kb.sep v=$kb.ids}");
        p.set("kb.ids", String.join(ClusterQueries.SEPARATOR, ids));
        p.set("rows", ids.size());
        p.set("fl", "*");
        Map<String, Document> byId = new HashMap<>();
        for (SolrDocument d : queries.query(p).getResults()) {
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
        ModifiableSolrParams p = ClusterQueries.plain("{!term f=" + Fields.ARTICLE + " v=$kb.slug}");
        p.set("kb.slug", slug);
        p.set("rows", PASSAGES_PER_ARTICLE_PAGE);
        p.set("sort", Fields.POSITION + " asc");
        p.set("fl", "*");
        List<Document> out = new ArrayList<>();
        for (SolrDocument d : queries.query(p).getResults()) {
            out.add(ClusterDocuments.of(d));
        }
        return out;
    }

    /** The first passage's stored {@code field} of each article (its title, its source file). */
    Map<String, String> firstPassageValues(Collection<String> slugs, String field) throws BadQueryException {
        if (slugs.isEmpty()) {
            return Map.of();
        }
        ModifiableSolrParams p = ClusterQueries.plain("{!terms f=" + Fields.ARTICLE + " separator=$kb.sep v=$kb.slugs}");
        p.set("kb.slugs", String.join(ClusterQueries.SEPARATOR, slugs));
        p.set("fq", Fields.POSITION + ":0");
        p.set("rows", slugs.size());
        p.set("fl", Fields.ARTICLE + "," + field);
        Map<String, String> out = new HashMap<>();
        for (SolrDocument d : queries.query(p).getResults()) {
            Object v = d.getFirstValue(field);
            out.put((String) d.getFirstValue(Fields.ARTICLE), v == null ? "" : v.toString());
        }
        return out;
    }

    /** The collection's commit data (the metadata document's JSON); empty when it has none yet. */
    Map<String, String> meta() throws BadQueryException {
        ModifiableSolrParams p = ClusterQueries.plain("{!term f=" + Fields.ID + " v=$kb.id}");
        p.set("kb.id", SolrSchema.META_ID);
        p.set("rows", 1);
        p.set("fl", SolrSchema.META_FIELD);
        List<SolrDocument> docs = queries.query(p).getResults();
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
        ModifiableSolrParams p = ClusterQueries.plain("*:*");
        p.set("fq", "-" + Fields.ID + ":\"" + SolrSchema.META_ID + "\"");
        p.set("rows", 0);
        p.set("facet", true);
        p.add("facet.field", Fields.ARTICLE, Fields.SECTION_PATH);
        p.set("facet.limit", -1);
        p.set("facet.mincount", 1);
        p.set("facet.sort", "index");
        QueryResponse r = queries.query(p);
        Map<String, Long> headings = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : ClusterQueries.counts(r.getFacetField(Fields.SECTION_PATH)).entrySet()) {
            List<String> path = Fields.sectionPath(e.getKey());
            headings.merge(path.get(path.size() - 1), e.getValue(), Long::sum);
        }
        Map<String, Long> articles = ClusterQueries.counts(r.getFacetField(Fields.ARTICLE));
        Map<String, String> titles = gen.titles(new ArrayList<>(articles.keySet()));
        for (Map.Entry<String, Long> e : articles.entrySet()) {
            headings.merge(titles.get(e.getKey()), e.getValue(), Long::sum);
        }
        return headings;
    }

    /** How many passages the collection holds (the metadata document is none). */
    long passageCount() throws BadQueryException {
        ModifiableSolrParams p = ClusterQueries.plain("*:*");
        p.set("fq", "-" + Fields.ID + ":\"" + SolrSchema.META_ID + "\"");
        p.set("rows", 0);
        return queries.query(p).getResults().getNumFound();
    }
}
