package kb.solr.index;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import kb.index.Fields;
import kb.index.StoredArticles;
import kb.solr.SolrNodes;
import kb.solr.SolrSchema;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.AbstractUpdateRequest;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.CursorMarkParams;

/**
 * Makes a collection hold what the mirror index holds: article by article, by comparing each article's state in the
 * collection with the mirror's (content hash and vectors, {@link StoredArticles#state}), it sends the articles that
 * differ or are missing (their old passages deleted first),
 * deletes the articles the mirror no longer has, writes the metadata document, and commits once, so searches see the
 * collection as it was or as it is now. What a failed run sent but did not commit would be committed by the next run,
 * so the articles a run touches are its {@link Plan#touched() suspects} until it commits ({@link PendingSync}): the
 * next run sends or deletes them again whatever the committed state says. kb's config set never makes uncommitted
 * changes visible on its own ({@code solrconfig.xml}).
 */
final class ClusterSync {
    /** Passages per update request: big enough to keep the nodes busy, small enough for a node's request limit. */
    private static final int BATCH = 500;
    private static final int PAGE = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SolrNodes nodes;
    private final String collection;

    /** {@code collection}: a collection or an alias pointing at one. */
    ClusterSync(SolrNodes nodes, String collection) {
        this.nodes = nodes;
        this.collection = collection;
    }

    /**
     * What bringing the collection to the mirror's state takes: the articles to send (in the mirror's order) and to
     * delete, those the collection may hold already ({@code present}: their old passages go first), the metadata, and
     * the counts by article against the collection's last commit.
     */
    record Plan(List<String> send, List<String> delete, Set<String> present, Map<String, String> meta, int added,
            int changed, int deleted, int unchanged, boolean metaChanged) {
        /** Whether the collection holds the mirror's state already. */
        boolean nothing() {
            return send.isEmpty() && delete.isEmpty() && !metaChanged;
        }

        /** Every article this plan writes or deletes: what an interrupted run may leave uncommitted. */
        Set<String> touched() {
            Set<String> all = new TreeSet<>(send);
            all.addAll(delete);
            return all;
        }
    }

    /**
     * Compares the collection's last commit with {@code mirror}. {@code suspects} are articles an earlier run may have
     * sent or deleted without committing: each is sent again if the mirror has it, deleted if not, whatever the
     * committed hashes say, so nothing that run left behind outlives the next commit.
     */
    Plan plan(StoredArticles mirror, Set<String> suspects) throws IOException, SolrServerException {
        Map<String, String> want = mirror.states();
        Map<String, String> have = articleStates();
        List<String> send = new ArrayList<>();
        int added = 0;
        int changed = 0;
        for (Map.Entry<String, String> e : want.entrySet()) {
            String there = have.get(e.getKey());
            boolean differs = !e.getValue().equals(there);
            added += differs && there == null ? 1 : 0;
            changed += differs && there != null ? 1 : 0;
            if (differs || suspects.contains(e.getKey())) {
                send.add(e.getKey());
            }
        }
        Set<String> delete = new TreeSet<>();
        for (String slug : have.keySet()) {
            if (!want.containsKey(slug)) {
                delete.add(slug);
            }
        }
        int deleted = delete.size();
        for (String slug : suspects) {
            if (!want.containsKey(slug)) {
                delete.add(slug);
            }
        }
        Set<String> present = new HashSet<>(have.keySet());
        present.addAll(suspects);
        Map<String, String> meta = mirror.commitData();
        return new Plan(mirror.inIndexOrder(send), List.copyOf(delete), present, meta, added, changed, deleted,
                want.size() - added - changed, !meta.equals(metadata()));
    }

    /** Carries out {@code plan} and commits once, unless there is nothing to do. */
    SolrIndexReport.Changes apply(StoredArticles mirror, Plan plan) throws IOException, SolrServerException {
        if (plan.nothing()) {
            return new SolrIndexReport.Changes(0, 0, 0, plan.unchanged(), 0, false);
        }
        deleteArticles(plan.delete());
        long passages = sendArticles(mirror, plan.send(), plan.present());
        UpdateRequest last = new UpdateRequest();
        last.add(SolrDocuments.meta(plan.meta()));
        last.setAction(AbstractUpdateRequest.ACTION.COMMIT, true, true);
        nodes.request(last, collection);
        return new SolrIndexReport.Changes(plan.added(), plan.changed(), plan.deleted(), plan.unchanged(), passages, true);
    }

    /** Plans with no suspects and applies: for a collection no earlier run has written to. */
    SolrIndexReport.Changes from(StoredArticles mirror) throws IOException, SolrServerException {
        return apply(mirror, plan(mirror, Set.of()));
    }

    /**
     * Sends {@code slugs}' passages in the mirror's order, after every passage the collection has (the corpus-order
     * rule of {@link SolrSchema#SEQ}); an article the collection had loses its old passages first, since it may now
     * have fewer.
     */
    private long sendArticles(StoredArticles mirror, List<String> slugs, Set<String> present)
            throws IOException, SolrServerException {
        long seq = maxSeq() + 1;
        List<SolrInputDocument> batch = new ArrayList<>();
        List<String> replaced = new ArrayList<>();
        long sent = 0;
        for (String slug : slugs) {
            List<SolrInputDocument> docs = SolrDocuments.of(mirror.read(slug), seq);
            seq += docs.size();
            batch.addAll(docs);
            if (present.contains(slug)) {
                replaced.add(slug);
            }
            if (batch.size() >= BATCH) {
                sent += flush(batch, replaced);
            }
        }
        return sent + flush(batch, replaced);
    }

    /** Deletes the old passages of {@code replaced}, then adds {@code batch}: two requests, in that order. */
    private long flush(List<SolrInputDocument> batch, List<String> replaced) throws IOException, SolrServerException {
        deleteArticles(replaced);
        replaced.clear();
        if (batch.isEmpty()) {
            return 0;
        }
        UpdateRequest add = new UpdateRequest();
        add.add(batch);
        nodes.request(add, collection);
        int n = batch.size();
        batch.clear();
        return n;
    }

    private void deleteArticles(List<String> slugs) throws IOException, SolrServerException {
        if (slugs.isEmpty()) {
            return;
        }
        UpdateRequest delete = new UpdateRequest();
        for (String slug : slugs) {
            // The term parser takes the slug as it is: no query syntax to escape.
            delete.deleteByQuery("{!term f=" + Fields.ARTICLE + "}" + slug);
        }
        nodes.request(delete, collection);
    }

    /**
     * Each article's {@link StoredArticles#state} as the collection's last commit has it: hash and model from its first
     * passage, and its passages with a vector (those with a text key).
     */
    Map<String, String> articleStates() throws IOException, SolrServerException {
        Map<String, Integer> vectors = vectorCounts();
        Map<String, String> out = new HashMap<>();
        SolrQuery q = new SolrQuery("*:*");
        q.addFilterQuery(Fields.POSITION + ":0");
        q.setFields(Fields.ARTICLE, Fields.ARTICLE_HASH, Fields.MEANING_MODEL);
        q.setSort(Fields.ID, SolrQuery.ORDER.asc);
        q.setRows(PAGE);
        String cursor = CursorMarkParams.CURSOR_MARK_START;
        while (true) {
            q.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
            QueryResponse r = nodes.process(new QueryRequest(q), collection);
            for (SolrDocument d : r.getResults()) {
                String slug = (String) d.getFirstValue(Fields.ARTICLE);
                Object model = d.getFirstValue(Fields.MEANING_MODEL);
                out.put(slug, StoredArticles.state(String.valueOf(d.getFirstValue(Fields.ARTICLE_HASH)),
                        model == null ? "" : model.toString(), vectors.getOrDefault(slug, 0)));
            }
            String next = r.getNextCursorMark();
            if (next == null || next.equals(cursor)) {
                return out;
            }
            cursor = next;
        }
    }

    /** Per article, its passages that have a vector: a facet count over the passages with a text key. */
    private Map<String, Integer> vectorCounts() throws IOException, SolrServerException {
        SolrQuery q = new SolrQuery("*:*");
        q.addFilterQuery(Fields.TEXT_KEY + ":*");
        q.setRows(0);
        q.setFacet(true);
        q.addFacetField(Fields.ARTICLE);
        q.setFacetLimit(-1);
        q.setFacetMinCount(1);
        Map<String, Integer> out = new HashMap<>();
        QueryResponse r = nodes.process(new QueryRequest(q), collection);
        for (org.apache.solr.client.solrj.response.FacetField.Count c : r.getFacetField(Fields.ARTICLE).getValues()) {
            out.put(c.getName(), (int) c.getCount());
        }
        return out;
    }

    /** The highest corpus place given so far, or -1 in an empty collection. */
    private long maxSeq() throws IOException, SolrServerException {
        SolrQuery q = new SolrQuery("*:*");
        q.setFields(SolrSchema.SEQ);
        q.setSort(SolrSchema.SEQ, SolrQuery.ORDER.desc);
        q.setRows(1);
        QueryResponse r = nodes.process(new QueryRequest(q), collection);
        for (SolrDocument d : r.getResults()) {
            Object seq = d.getFirstValue(SolrSchema.SEQ);
            if (seq instanceof Number n) {
                return n.longValue();
            }
        }
        return -1;
    }

    /** The metadata document's map, or an empty one when the collection has none. */
    Map<String, String> metadata() throws IOException, SolrServerException {
        SolrQuery q = new SolrQuery("{!term f=" + Fields.ID + "}" + SolrSchema.META_ID);
        q.setFields(SolrSchema.META_FIELD);
        QueryResponse r = nodes.process(new QueryRequest(q), collection);
        for (SolrDocument d : r.getResults()) {
            Object json = d.getFirstValue(SolrSchema.META_FIELD);
            if (json != null) {
                return JSON.readValue(json.toString(), new TypeReference<TreeMap<String, String>>() {});
            }
        }
        return Map.of();
    }
}
