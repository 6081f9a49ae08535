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
 * kNN searches of a cluster collection's meaning vectors (Solr's {@code {!knn}} over each shard's graph, merged,
 * as Lucene's query merges segments), scored as Lucene scores a dot product, and a passage's own vector.
 */
final class ClusterVectors {
    private final ClusterQueries queries;

    ClusterVectors(ClusterQueries queries) {
        this.queries = queries;
    }

    /** A meaning candidate: the passage, its article and section path (for counting it), its place and its score. */
    record Near(String id, String article, String section, long seq, float score) {}

    /**
     * The {@code k} passages nearest {@code vector} within the article and section filters, nearest first (Solr's
     * kNN over each shard's graph, merged: as Lucene's query over each segment's), scored as Lucene scores a dot
     * product.
     */
    List<Near> nearest(float[] vector, String article, String section, int k) throws BadQueryException {
        ModifiableSolrParams p = ClusterQueries.plain("{!knn f=" + Fields.VECTOR + " topK=" + k + "}" + vectorText(vector));
        if (article != null && !article.isBlank()) {
            p.add("fq", "{!term f=" + Fields.ARTICLE + " v=$kb.article}");
            p.set("kb.article", article);
        }
        if (section != null && !section.isBlank()) {
            p.add("fq", "{!term f=" + Fields.SECTION_PATH + " v=$kb.section}");
            p.set("kb.section", section);
        }
        p.set("rows", k);
        p.set("fl", Fields.ID + "," + Fields.ARTICLE + "," + Fields.SECTION_PATH + "," + SolrSchema.SEQ + ",score");
        p.set("sort", "score desc," + SolrSchema.SEQ + " asc");
        List<Near> out = new ArrayList<>();
        for (SolrDocument d : queries.query(p).getResults()) {
            Object section0 = d.getFirstValue(Fields.SECTION_PATH);
            out.add(new Near((String) d.getFirstValue(Fields.ID), (String) d.getFirstValue(Fields.ARTICLE),
                    section0 == null ? "" : section0.toString(), ((Number) d.getFirstValue(SolrSchema.SEQ)).longValue(),
                    ((Number) d.getFieldValue("score")).floatValue()));
        }
        return out;
    }

    /**
     * The {@code k} passages nearest {@code vector} in the article {@code article} ({@code own}) or outside it, with
     * their stored fields and scores, nearest first: the two sides of a passage's related passages.
     */
    List<Map.Entry<Document, Float>> nearestAround(float[] vector, String article, boolean own, int k)
            throws BadQueryException {
        ModifiableSolrParams p = ClusterQueries.plain("{!knn f=" + Fields.VECTOR + " topK=" + k + "}" + vectorText(vector));
        p.set("fq", (own ? "" : "-") + "{!term f=" + Fields.ARTICLE + " v=$kb.article}");
        p.set("kb.article", article);
        p.set("rows", k);
        p.set("fl", "*,score");
        p.set("sort", "score desc," + SolrSchema.SEQ + " asc");
        List<Map.Entry<Document, Float>> out = new ArrayList<>();
        for (SolrDocument d : queries.query(p).getResults()) {
            float score = ((Number) d.getFieldValue("score")).floatValue();
            d.removeFields("score");
            d.removeFields(Fields.VECTOR);
            out.add(Map.entry(ClusterDocuments.of(d), score));
        }
        return out;
    }

    private static String vectorText(float[] vector) {
        StringBuilder v = new StringBuilder("[");
        for (int i = 0; i < vector.length; i++) {
            v.append(i == 0 ? "" : ",").append(vector[i]);
        }
        return v.append(']').toString();
    }

    /** How many passages have a meaning vector (exactly those have a text key). */
    long withVectors() throws BadQueryException {
        ModifiableSolrParams p = ClusterQueries.plain(Fields.TEXT_KEY + ":[* TO *]");
        p.set("rows", 0);
        return queries.query(p).getResults().getNumFound();
    }

    /** The passage's meaning vector and article; empty when it has none or does not exist. */
    Optional<Map.Entry<String, float[]>> vectorOf(String id) throws BadQueryException {
        ModifiableSolrParams p = ClusterQueries.plain("{!term f=" + Fields.ID + " v=$kb.id}");
        p.set("kb.id", id);
        p.set("rows", 1);
        p.set("fl", Fields.ARTICLE + "," + Fields.VECTOR);
        List<SolrDocument> docs = queries.query(p).getResults();
        if (docs.isEmpty() || docs.get(0).getFieldValues(Fields.VECTOR) == null) {
            return Optional.empty();
        }
        Collection<Object> values = docs.get(0).getFieldValues(Fields.VECTOR);
        float[] v = new float[values.size()];
        int i = 0;
        for (Object o : values) {
            v[i++] = ((Number) o).floatValue();
        }
        return Optional.of(Map.entry((String) docs.get(0).getFirstValue(Fields.ARTICLE), v));
    }

    /**
     * The passages closest in meaning to this one, from other articles and from its own, at most {@code limit} of
     * each, as the embedded engine finds them ({@link MeaningSearch#related}); none when it has no vector.
     */
    RelatedPassages related(String passageId, int limit) throws BadQueryException {
        Optional<Map.Entry<String, float[]>> vector = vectorOf(passageId);
        if (vector.isEmpty()) {
            return RelatedPassages.NONE;
        }
        // Two searches, one per side, as embedded: a long article would otherwise fill every place near it.
        return new RelatedPassages(relatedItems(vector.get(), false, limit, passageId),
                relatedItems(vector.get(), true, limit, passageId));
    }

    private List<RelatedPassages.Item> relatedItems(Map.Entry<String, float[]> vector, boolean own, int limit,
            String self) throws BadQueryException {
        List<RelatedPassages.Item> items = new ArrayList<>(limit);
        for (Map.Entry<Document, Float> near : nearestAround(vector.getValue(), vector.getKey(), own, limit + 1)) {
            if (!self.equals(near.getKey().get(Fields.ID)) && items.size() < limit) {
                items.add(StoredPassages.related(near.getKey(), MeaningSearch.cosine(near.getValue())));
            }
        }
        return items;
    }
}
