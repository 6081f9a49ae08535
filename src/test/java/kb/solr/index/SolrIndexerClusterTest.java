package kb.solr.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kb.corpus.CorpusReader;
import kb.index.Fields;
import kb.index.IndexProgress;
import kb.index.Indexer;
import kb.solr.SolrNodes;
import kb.solr.SolrSchema;
import kb.solr.testing.SolrClusterTest;
import kb.solr.testing.SolrTestCluster;
import kb.solr.testing.TestCollections;
import kb.testing.SharedMeaning;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.FSDirectory;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.util.NamedList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kb index --solr} on a real 2-node cluster, 2 shards × 2 replicas: the collection holds every passage with
 * the embedded index's stored values and term statistics, an update sends only the article that changed, a full
 * rebuild moves the alias and deletes the old collection, and a collection kb did not make is refused.
 */
@SolrClusterTest
class SolrIndexerClusterTest {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static SolrNodes nodes;
    private static Cluster cluster;
    private static final TestCollections.Made made = new TestCollections.Made("kbidx_");

    @TempDir
    Path tmp;

    @BeforeAll
    static void connect() {
        nodes = SolrNodes.of(SolrTestCluster.shared().nodeUrls(), TIMEOUT);
        cluster = new Cluster(nodes);
    }

    @AfterAll
    static void deleteWhatTheTestsMade() throws Exception {
        try (SolrNodes closing = nodes) {
            made.dropAll(SolrTestCluster.shared());
        }
    }

    /** A fresh alias name for one test, deleted with its collection after the class. */
    private static String alias(String name) {
        return made.alias(name);
    }

    private SolrIndexReport index(Path corpus, Path mirror, String alias, Indexer.Mode mode) throws IOException {
        return new SolrIndexer(nodes, new Indexer(new CorpusReader()), Clock.systemUTC()).index(corpus, mirror,
                new SolrIndexer.Target(alias, 2, 2), mode, IndexProgress.NONE,
                Indexer.Options.DEFAULT.withEmbedder(SharedMeaning.embedder(), Indexer.Options.UNLIMITED));
    }

    @Test
    void aNewCollectionHoldsEveryPassageWithTheEmbeddedIndexsStoredValuesBehindItsAlias() throws Exception {
        Path corpus = MirrorFixture.corpus(tmp);
        Path mirror = tmp.resolve("mirror");
        String alias = alias("new");
        SolrIndexReport report = index(corpus, mirror, alias, Indexer.Mode.INCREMENTAL);
        SolrIndexReport.Changes outcome = report.outcome();
        assertEquals(new SolrIndexReport.Changes(2, 0, 0, 0, 4, true), outcome);
        assertTrue(report.summary().contains("Collection " + alias + " (2 shards × 2 replicas), built anew and "
                + "switched to: 2 added, 0 changed, 0 deleted, 0 unchanged (articles); 4 passages sent."), report.summary());
        List<String> behind = cluster.alias(alias).orElseThrow();
        assertEquals(1, behind.size());
        assertTrue(behind.get(0).matches(alias + "_\\d{14}"), behind.get(0));
        SolrIndexReport.Layout layout = cluster.layout(behind.get(0));
        assertEquals(new SolrIndexReport.Layout(ConfigSet.bundled().name(), 2, 2), layout);

        Map<String, Document> lucene = luceneDocuments(mirror);
        Map<String, SolrDocument> solr = solrDocuments(alias);
        assertEquals(lucene.keySet(), solr.keySet());
        for (Map.Entry<String, Document> e : lucene.entrySet()) {
            for (IndexableField f : e.getValue()) {
                List<String> want = new ArrayList<>();
                for (IndexableField v : e.getValue().getFields(f.name())) {
                    want.add(v.numericValue() != null ? v.numericValue().toString() : v.stringValue());
                }
                List<String> got = new ArrayList<>();
                solr.get(e.getKey()).getFieldValues(f.name()).forEach(v -> got.add(String.valueOf(v)));
                assertEquals(want, got, e.getKey() + " " + f.name());
            }
        }
        try (var stored = kb.index.StoredArticles.open(mirror)) {
            assertEquals(stored.commitData(), new ClusterSync(nodes, alias).metadata());
        }
    }

    @Test
    void termStatisticsOfTheCollectionEqualTheEmbeddedIndexs() throws Exception {
        Path corpus = MirrorFixture.corpus(tmp);
        Path mirror = tmp.resolve("mirror");
        String alias = alias("stats");
        index(corpus, mirror, alias, Indexer.Mode.INCREMENTAL);
        Map<String, List<String>> terms = Map.of(
                Fields.TEXT, List.of("ketamin", "depress", "mg", "0.5", "placebo", "week"),
                Fields.TEXT_EXACT, List.of("ketamine", "depression", "weeks"),
                Fields.TITLE, List.of("alpha", "trial", "beta"),
                Fields.ARTICLE_TEXT, List.of("ketamin", "method", "serotonin"),
                Fields.SECTION, List.of("method", "refer"));
        try (var dir = FSDirectory.open(mirror); DirectoryReader r = DirectoryReader.open(dir)) {
            for (Map.Entry<String, List<String>> e : terms.entrySet()) {
                Map<String, long[]> want = new TreeMap<>();
                for (String t : e.getValue()) {
                    Term term = new Term(e.getKey(), t);
                    want.put(t, new long[] {r.docFreq(term), r.totalTermFreq(term)});
                }
                Map<String, long[]> got = termStats(alias, e.getKey(), e.getValue());
                for (String t : e.getValue()) {
                    assertTrue(want.get(t)[0] > 0, e.getKey() + ":" + t + " is in the fixture");
                    assertEquals(List.of(want.get(t)[0], want.get(t)[1]), List.of(got.get(t)[0], got.get(t)[1]),
                            e.getKey() + ":" + t + " docFreq and totalTermFreq");
                }
            }
        }
    }

    @Test
    void anUpdateSendsOnlyTheChangedArticleAndDeletesTheOneThatWentAway() throws Exception {
        Path corpus = MirrorFixture.corpus(tmp);
        Files.writeString(corpus.resolve("gamma.md"), "# Gamma\n\nDopamine shapes reward learning.\n");
        Path mirror = tmp.resolve("mirror");
        String alias = alias("update");
        index(corpus, mirror, alias, Indexer.Mode.INCREMENTAL);
        String collection = cluster.alias(alias).orElseThrow().get(0);
        Map<String, Long> seqBefore = seqs(alias);

        Files.writeString(corpus.resolve("beta.md"), "# Beta\n\nSerotonin reuptake inhibitors take weeks.\n\nOr months.\n");
        Files.delete(corpus.resolve("gamma.md"));
        SolrIndexReport report = index(corpus, mirror, alias, Indexer.Mode.INCREMENTAL);
        assertEquals(new SolrIndexReport.Changes(0, 1, 1, 1, 2, true), report.outcome());
        assertEquals(List.of(collection), cluster.alias(alias).orElseThrow(), "an update keeps the collection");
        Map<String, Long> seqAfter = seqs(alias);
        assertEquals(luceneDocuments(mirror).keySet(), seqAfter.keySet());
        // The untouched article keeps its places; the rewritten one comes after everything, as in the mirror.
        for (String id : seqAfter.keySet()) {
            if (id.startsWith("alpha.")) {
                assertEquals(seqBefore.get(id), seqAfter.get(id), id);
            } else {
                assertTrue(seqAfter.get(id) > seqBefore.values().stream().mapToLong(Long::longValue).max().orElseThrow(), id);
            }
        }
        assertEquals("Or months.", solrDocuments(alias).get("beta.intro.2").getFirstValue(Fields.TEXT));

        SolrIndexReport again = index(corpus, mirror, alias, Indexer.Mode.INCREMENTAL);
        assertEquals(new SolrIndexReport.Changes(0, 0, 0, 2, 0, false), again.outcome());
        assertTrue(again.summary().endsWith("Collection " + alias + " (2 shards × 2 replicas): up to date, nothing sent."),
                again.summary());
    }

    @Test
    void aFullRebuildMovesTheAliasToANewCollectionAndDeletesTheOldOne() throws Exception {
        Path corpus = MirrorFixture.corpus(tmp);
        Path mirror = tmp.resolve("mirror");
        String alias = alias("full");
        index(corpus, mirror, alias, Indexer.Mode.INCREMENTAL);
        String old = cluster.alias(alias).orElseThrow().get(0);
        SolrIndexReport report = index(corpus, mirror, alias, Indexer.Mode.FULL);
        String now = cluster.alias(alias).orElseThrow().get(0);
        assertNotEquals(old, now);
        assertFalse(cluster.collectionExists(old), "the old collection is deleted after the switch");
        assertEquals(new SolrIndexReport.Changes(2, 0, 0, 0, 4, true), report.outcome());
        assertEquals(luceneDocuments(mirror).keySet(), solrDocuments(alias).keySet());
    }

    @Test
    void aCollectionKbDidNotMakeIsRefusedAndLeftAlone() throws Exception {
        String alias = alias("foreign");
        // A collection of kb's config set but no alias: kb only indexes through an alias it made.
        ConfigSet set = ConfigSet.bundled();
        cluster.upload(set);
        cluster.create(alias, set.name(), 1, 1);
        made.forget(alias);
        try {
            Path corpus = MirrorFixture.corpus(tmp);
            Path mirror = tmp.resolve("mirror");
            IOException e = assertThrows(IOException.class, () -> index(corpus, mirror, alias, Indexer.Mode.INCREMENTAL));
            assertEquals(alias + " is a collection that kb did not make (kb makes an alias of that name); choose another "
                    + "--collection", e.getMessage());
            assertFalse(Files.exists(mirror), "refused before the mirror was touched");
        } finally {
            cluster.delete(alias);
        }
    }

    private static Map<String, Document> luceneDocuments(Path index) throws IOException {
        Map<String, Document> out = new HashMap<>();
        try (var dir = FSDirectory.open(index); DirectoryReader r = DirectoryReader.open(dir)) {
            org.apache.lucene.util.Bits live = org.apache.lucene.index.MultiBits.getLiveDocs(r);
            for (int i = 0; i < r.maxDoc(); i++) {
                if (live == null || live.get(i)) {
                    Document d = r.storedFields().document(i);
                    out.put(d.get(Fields.ID), d);
                }
            }
        }
        return out;
    }

    /** Every passage of the collection (not the metadata document), by id, with every stored field. */
    private static Map<String, SolrDocument> solrDocuments(String collection) throws Exception {
        SolrQuery q = new SolrQuery("*:*");
        q.addFilterQuery("-" + Fields.ID + ":\"" + SolrSchema.META_ID + "\"");
        q.setRows(1000);
        q.setFields("*");
        Map<String, SolrDocument> out = new HashMap<>();
        for (SolrDocument d : nodes.process(new QueryRequest(q), collection).getResults()) {
            d.removeFields(Fields.VECTOR);
            out.put((String) d.getFirstValue(Fields.ID), d);
        }
        return out;
    }

    private static Map<String, Long> seqs(String collection) throws Exception {
        SolrQuery q = new SolrQuery("*:*");
        q.addFilterQuery("-" + Fields.ID + ":\"" + SolrSchema.META_ID + "\"");
        q.setRows(1000);
        q.setFields(Fields.ID, SolrSchema.SEQ);
        Map<String, Long> out = new HashMap<>();
        for (SolrDocument d : nodes.process(new QueryRequest(q), collection).getResults()) {
            out.put((String) d.getFirstValue(Fields.ID), ((Number) d.getFirstValue(SolrSchema.SEQ)).longValue());
        }
        return out;
    }

    /** docFreq and totalTermFreq of {@code terms} in {@code field} over the whole collection, from /terms. */
    private static Map<String, long[]> termStats(String collection, String field, List<String> terms) throws Exception {
        ModifiableSolrParams p = new ModifiableSolrParams();
        p.set("qt", "/terms");
        p.set("terms.fl", field);
        p.set("terms.list", String.join(",", terms));
        p.set("terms.ttf", true);
        QueryRequest request = new QueryRequest(p);
        request.setPath("/terms");
        NamedList<Object> response = nodes.request(request, collection);
        NamedList<?> byField = (NamedList<?>) ((NamedList<?>) response.get("terms")).get(field);
        Map<String, long[]> out = new HashMap<>();
        for (Map.Entry<String, ?> e : byField) {
            NamedList<?> stats = (NamedList<?>) e.getValue();
            out.put(e.getKey(), new long[] {((Number) stats.get("df")).longValue(), ((Number) stats.get("ttf")).longValue()});
        }
        return out;
    }
}
