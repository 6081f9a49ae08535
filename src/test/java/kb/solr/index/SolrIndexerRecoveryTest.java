package kb.solr.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import kb.corpus.CorpusReader;
import kb.index.Fields;
import kb.index.IndexProgress;
import kb.index.Indexer;
import kb.index.StoredArticles;
import kb.meaning.Embedder;
import kb.solr.SolrNodes;
import kb.solr.testing.SolrClusterTest;
import kb.solr.testing.SolrTestCluster;
import kb.solr.testing.TestCollections;
import kb.testing.SharedMeaning;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kb index --solr} when things go wrong or come late, on a real cluster: a full rebuild that fails leaves the
 * alias on the old collection and deletes the half-built one; what a failed update left uncommitted never outlives
 * the next run; vectors added to unchanged articles reach the collection.
 */
@SolrClusterTest
class SolrIndexerRecoveryTest {
    private static SolrNodes nodes;
    private static Cluster cluster;
    private static final TestCollections.Made made = new TestCollections.Made("kbrec_");

    @TempDir
    Path tmp;

    @BeforeAll
    static void connect() {
        nodes = SolrNodes.of(SolrTestCluster.shared().nodeUrls(), Duration.ofMinutes(2));
        cluster = new Cluster(nodes);
    }

    @AfterAll
    static void deleteWhatTheTestsMade() throws Exception {
        try (SolrNodes closing = nodes) {
            made.dropAll(SolrTestCluster.shared());
        }
    }

    private static String alias(String name) {
        return made.alias(name);
    }

    private static SolrIndexReport index(Path corpus, Path mirror, String alias, Indexer.Mode mode, Embedder embedder)
            throws IOException {
        Indexer.Options options = embedder == null ? Indexer.Options.DEFAULT
                : Indexer.Options.DEFAULT.withEmbedder(embedder, Indexer.Options.UNLIMITED);
        return new SolrIndexer(nodes, new Indexer(new CorpusReader()), Clock.systemUTC()).index(corpus, mirror,
                new SolrIndexer.Target(alias, 2, 1), mode, IndexProgress.NONE, options);
    }

    @Test
    void aFullRebuildThatFailsLeavesTheAliasOnTheOldCollectionAndDeletesTheHalfBuiltOne() throws Exception {
        Path corpus = MirrorFixture.corpus(tmp);
        Path mirror = tmp.resolve("mirror");
        String alias = alias("failed");
        index(corpus, mirror, alias, Indexer.Mode.INCREMENTAL, null);
        List<String> before = cluster.alias(alias).orElseThrow();
        // Vectors of 3 dimensions: the mirror takes them, the schema's 384-dimensional field refuses them.
        IOException e = assertThrows(IOException.class,
                () -> index(corpus, mirror, alias, Indexer.Mode.FULL, new ThreeDimensions()));
        assertTrue(e.getMessage().startsWith("building the collection failed ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("; the half-built collection was deleted; " + alias
                + " still points at the previous one"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        assertEquals(before, cluster.alias(alias).orElseThrow());
        List<String> named = new ArrayList<>();
        for (Object c : (List<?>) nodes.process(new CollectionAdminRequest.List(), null).getResponse().get("collections")) {
            if (c.toString().startsWith(alias + "_")) {
                named.add(c.toString());
            }
        }
        assertEquals(before, named, "only the old collection is left");
        assertEquals(4, count(alias, "*:*") - 1, "the old collection answers as before (4 passages and the metadata)");
    }

    @Test
    void whatAFailedUpdateLeftUncommittedIsUndoneByTheNextRun() throws Exception {
        Path corpus = MirrorFixture.corpus(tmp);
        Path mirror = tmp.resolve("mirror");
        String alias = alias("pending");
        index(corpus, mirror, alias, Indexer.Mode.INCREMENTAL, null);
        String collection = cluster.alias(alias).orElseThrow().get(0);
        // A run that sent an article and died before its commit: the passage waits in Solr, the mirror says so.
        try (StoredArticles stored = StoredArticles.open(mirror)) {
            UpdateRequest add = new UpdateRequest();
            for (var doc : SolrDocuments.of(stored.read("beta"), 100)) {
                doc.setField(Fields.ID, "ghost.intro.1");
                doc.setField(Fields.ARTICLE, "ghost");
                add.add(doc);
            }
            nodes.request(add, alias);
        }
        new PendingSync(mirror).touching(collection, Set.of("ghost"));

        Files.writeString(corpus.resolve("beta.md"), "# Beta\n\nSerotonin reuptake inhibitors take weeks.\n");
        SolrIndexReport report = index(corpus, mirror, alias, Indexer.Mode.INCREMENTAL, null);
        assertEquals(1, report.outcome().changed());
        assertEquals(0, count(alias, "article:ghost"), "the ghost is deleted before the commit that would show it");
        assertFalse(Files.exists(mirror.resolve(PendingSync.FILE)), "nothing is pending after the commit");
    }

    @Test
    void vectorsAddedToUnchangedArticlesReachTheCollection() throws Exception {
        Path corpus = MirrorFixture.corpus(tmp);
        Path mirror = tmp.resolve("mirror");
        String alias = alias("vectors");
        index(corpus, mirror, alias, Indexer.Mode.INCREMENTAL, null);
        assertEquals(0, count(alias, Fields.TEXT_KEY + ":*"));
        SolrIndexReport report = index(corpus, mirror, alias, Indexer.Mode.INCREMENTAL, SharedMeaning.embedder());
        assertEquals(2, report.outcome().changed(), report.summary());
        assertEquals(4, count(alias, Fields.TEXT_KEY + ":*"));
        assertEquals(new SolrIndexReport.Changes(0, 0, 0, 2, 0, false),
                index(corpus, mirror, alias, Indexer.Mode.INCREMENTAL, SharedMeaning.embedder()).outcome());
    }

    private static long count(String collection, String query) throws Exception {
        SolrQuery q = new SolrQuery(query);
        q.setRows(0);
        return nodes.process(new QueryRequest(q), collection).getResults().getNumFound();
    }

    /** An embedder of 3-dimensional unit vectors, which kb's schema does not take. */
    private static final class ThreeDimensions implements Embedder {
        @Override
        public int dimensions() {
            return 3;
        }

        @Override
        public String modelId() {
            return "three-dimensions";
        }

        @Override
        public float[][] embed(List<String> texts) {
            float[][] out = new float[texts.size()][];
            Arrays.setAll(out, i -> new float[] {1, 0, 0});
            return out;
        }

        @Override
        public float[] embedQuery(String query) {
            return new float[] {1, 0, 0};
        }

        @Override
        public void close() {}
    }
}
