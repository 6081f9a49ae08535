package kb.solr.index;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * Makes a collection hold what the mirror index holds: article by article, by comparing each article's hash in the
 * collection with the mirror's, it sends the articles that differ or are missing (their old passages deleted first),
 * deletes the articles the mirror no longer has, writes the metadata document, and commits once, so searches see the
 * collection as it was or as it is now. What was sent but not committed when a run fails is committed by the next run,
 * which sends again whatever still differs; kb's config set commits nothing on its own ({@code solrconfig.xml}).
 */
final class ClusterSync {
    /** What a sync changed in the collection, by article, and the passages it sent. */
    record Outcome(int added, int changed, int deleted, int unchanged, long passagesSent, boolean committed) {}

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

    /** Brings the collection to {@code mirror}'s state and commits, unless it holds that state already. */
    Outcome from(StoredArticles mirror) throws IOException, SolrServerException {
        Map<String, String> want = mirror.hashes();
        Map<String, String> have = articleHashes();
        List<String> send = new ArrayList<>();
        int added = 0;
        int changed = 0;
        for (Map.Entry<String, String> e : want.entrySet()) {
            String there = have.get(e.getKey());
            if (!e.getValue().equals(there)) {
                send.add(e.getKey());
                added += there == null ? 1 : 0;
                changed += there == null ? 0 : 1;
            }
        }
        List<String> gone = new ArrayList<>();
        for (String slug : have.keySet()) {
            if (!want.containsKey(slug)) {
                gone.add(slug);
            }
        }
        gone.sort(null);
        Map<String, String> meta = mirror.commitData();
        int unchanged = want.size() - send.size();
        if (send.isEmpty() && gone.isEmpty() && meta.equals(metadata())) {
            return new Outcome(0, 0, 0, unchanged, 0, false);
        }
        deleteArticles(gone);
        long passages = sendArticles(mirror, mirror.inIndexOrder(send), have.keySet());
        UpdateRequest last = new UpdateRequest();
        last.add(SolrDocuments.meta(meta));
        last.setAction(AbstractUpdateRequest.ACTION.COMMIT, true, true);
        nodes.request(last, collection);
        return new Outcome(added, changed, gone.size(), unchanged, passages, true);
    }

    /**
     * Sends {@code slugs}' passages in the mirror's order, after every passage the collection has (the corpus-order
     * rule of {@link SolrSchema#SEQ}); an article the collection had loses its old passages first, since it may now
     * have fewer.
     */
    private long sendArticles(StoredArticles mirror, List<String> slugs, java.util.Set<String> present)
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

    /** Each article's hash as the collection's last commit has it, from its first passage. */
    Map<String, String> articleHashes() throws IOException, SolrServerException {
        Map<String, String> out = new HashMap<>();
        SolrQuery q = new SolrQuery("*:*");
        q.addFilterQuery(Fields.POSITION + ":0");
        q.setFields(Fields.ARTICLE, Fields.ARTICLE_HASH);
        q.setSort(Fields.ID, SolrQuery.ORDER.asc);
        q.setRows(PAGE);
        String cursor = CursorMarkParams.CURSOR_MARK_START;
        while (true) {
            q.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
            QueryResponse r = nodes.process(new QueryRequest(q), collection);
            for (SolrDocument d : r.getResults()) {
                out.put((String) d.getFirstValue(Fields.ARTICLE), String.valueOf(d.getFirstValue(Fields.ARTICLE_HASH)));
            }
            String next = r.getNextCursorMark();
            if (next == null || next.equals(cursor)) {
                return out;
            }
            cursor = next;
        }
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
