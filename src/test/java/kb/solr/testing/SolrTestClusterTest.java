package kb.solr.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.util.ContentStreamBase;
import org.apache.solr.common.util.NamedList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test cluster works from kb's test JVM (Javalin's Jetty 12 on the class path): a config set of its own uploaded
 * over the ConfigSet API, a collection of 2 shards × 2 replicas, documents added and found through either node, and
 * node 0 still answering while node 1 is down.
 */
@SolrClusterTest
class SolrTestClusterTest {
    private static final String CONFIG = "kb_cluster_smoke";
    private static final String COLLECTION = "kb_cluster_smoke";
    private static final String[][] DOCS = {
        {"1", "Shards and replicas", "A collection is split into shards, each held by replicas.", "cloud"},
        {"2", "ZooKeeper", "The cluster state lives in ZooKeeper.", "cloud"},
        {"3", "Stemming", "Porter's stemmer turns clusters into cluster.", "analysis"},
        {"4", "Tokenizers", "A tokenizer splits text into tokens.", "analysis"},
        {"5", "Leaders", "Each shard has a leader that takes the updates of the cluster.", "cloud"},
    };

    private static SolrTestCluster cluster;
    private static SolrClient node0;
    private static SolrClient node1;

    @BeforeAll
    static void collectionWithDocuments() throws Exception {
        cluster = SolrTestCluster.shared();
        node0 = cluster.newClient(0);
        node1 = cluster.newClient(1);
        new ConfigSetAdminRequest.Upload()
                .setConfigSetName(CONFIG)
                .setUploadStream(new ContentStreamBase.ByteArrayStream(zip(resource("solr/smoke")), "smoke.zip",
                        "application/zip"))
                .process(node0);
        CollectionAdminRequest.createCollection(COLLECTION, CONFIG, 2, 2).process(node0);
        waitForActiveReplicas(4);
        List<SolrInputDocument> docs = new ArrayList<>();
        for (String[] d : DOCS) {
            SolrInputDocument doc = new SolrInputDocument();
            doc.addField("id", d[0]);
            doc.addField("title", d[1]);
            doc.addField("body", d[2]);
            doc.addField("tag", d[3]);
            docs.add(doc);
        }
        node0.add(COLLECTION, docs);
        node0.commit(COLLECTION);
    }

    @AfterAll
    static void deleteCollection() throws Exception {
        if (node0 != null) {
            try {
                CollectionAdminRequest.deleteCollection(COLLECTION).process(node0);
                new ConfigSetAdminRequest.Delete().setConfigSetName(CONFIG).process(node0);
            } finally {
                node0.close();
                node1.close();
            }
        }
    }

    @Test
    void clusterGivesZooKeeperAndTwoNodeAddresses() {
        assertTrue(cluster.zkHost().matches("127\\.0\\.0\\.1:\\d+/solr"), cluster.zkHost());
        assertEquals(2, cluster.nodeUrls().size());
        for (String url : cluster.nodeUrls()) {
            assertTrue(url.matches("http://127\\.0\\.0\\.1:\\d+/solr"), url);
        }
        assertFalse(cluster.nodeUrls().get(0).equals(cluster.nodeUrls().get(1)));
    }

    @Test
    void collectionHasTwoShardsWithAReplicaOnEachNode() throws Exception {
        Map<String, List<String>> nodesByShard = nodesByShard();
        assertEquals(List.of("shard1", "shard2"), List.copyOf(nodesByShard.keySet()));
        for (List<String> nodes : nodesByShard.values()) {
            assertEquals(List.of(nodeName(0), nodeName(1)), nodes.stream().sorted(
                    (a, b) -> Integer.compare(nodeNumber(a), nodeNumber(b))).toList());
        }
    }

    @Test
    void everyDocumentIsFoundThroughEitherNode() throws Exception {
        for (SolrClient node : List.of(node0, node1)) {
            assertEquals(DOCS.length, node.query(COLLECTION, new SolrQuery("*:*")).getResults().getNumFound());
            // the schema's analysis (English stemming: "clusters" finds "cluster") over both shards
            SolrQuery stemmed = new SolrQuery("body:clusters");
            assertEquals(3, node.query(COLLECTION, stemmed).getResults().getNumFound());
        }
    }

    @Test
    void facetCountsCoverBothShards() throws Exception {
        SolrQuery query = new SolrQuery("*:*").setRows(0).setFacet(true).addFacetField("tag");
        QueryResponse response = node1.query(COLLECTION, query);
        Map<String, Long> counts = new TreeMap<>();
        for (FacetField.Count count : response.getFacetField("tag").getValues()) {
            counts.put(count.getName(), count.getCount());
        }
        assertEquals(Map.of("analysis", 2L, "cloud", 3L), counts);
    }

    @Test
    void nodeZeroAnswersWhileNodeOneIsDownAndNodeOneComesBackOnItsAddress() throws Exception {
        String node1Url = cluster.nodeUrls().get(1);
        cluster.stopNode(1);
        try {
            assertThrows(Exception.class, () -> node1.query(COLLECTION, new SolrQuery("*:*")),
                    "node 1 still answers after stopNode(1)");
            for (int i = 0; i < 3; i++) {
                QueryResponse response = node0.query(COLLECTION, new SolrQuery("*:*"));
                assertEquals(DOCS.length, response.getResults().getNumFound());
                assertFalse(Boolean.TRUE.equals(response.getHeader().get("partialResults")));
            }
        } finally {
            cluster.startNode(1);
        }
        assertEquals(node1Url, cluster.nodeUrls().get(1));
        assertEquals(DOCS.length, node1.query(COLLECTION, new SolrQuery("*:*")).getResults().getNumFound());
    }

    @Test
    void startingARunningNodeIsRefused() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> cluster.startNode(0));
        assertTrue(refused.getMessage().contains("node 0 is running"), refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> cluster.stopNode(2));
    }

    @Test
    void closingTheSharedClusterLeavesItRunning() throws Exception {
        cluster.close();
        assertTrue(cluster.isAlive());
        assertEquals(DOCS.length, node0.query(COLLECTION, new SolrQuery("*:*")).getResults().getNumFound());
    }

    @Test
    void missingBuildOutputSaysToRunTheBuild(@TempDir Path empty) {
        SolrTestCluster.Locations nowhere = new SolrTestCluster.Locations(empty.resolve("kb-solr-plugin.jar"),
                empty.resolve("kb-solr-cluster.jar"), empty.resolve("solr-cluster.classpath"), empty);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SolrTestCluster.start(1, nowhere, false));
        assertTrue(e.getMessage().contains("mvn -B verify"), e.getMessage());
        assertTrue(e.getMessage().contains("solr-cluster.classpath"), e.getMessage());
    }

    @Test
    void aClusterWhoseInputEndsShutsItselfDown() throws Exception {
        try (SolrTestCluster own = SolrTestCluster.start(1)) {
            ProcessHandle process = ProcessHandle.of(own.pid()).orElseThrow();
            own.endInput();
            process.onExit().get(60, TimeUnit.SECONDS);
            assertFalse(own.isAlive());
        }
    }

    /** Solr's name of node {@code i}: {@code 127.0.0.1:PORT_solr}. */
    private static String nodeName(int i) {
        return cluster.nodeUrls().get(i).replaceFirst("^http://", "").replaceFirst("/solr$", "_solr");
    }

    private static int nodeNumber(String nodeName) {
        return cluster.nodeUrls().stream().map(url -> url.replaceFirst("^http://", "").replaceFirst("/solr$", "_solr"))
                .toList().indexOf(nodeName);
    }

    /** Each shard's replicas' node names, from the Collections API's CLUSTERSTATUS. */
    private static Map<String, List<String>> nodesByShard() throws Exception {
        return replicaFields("node_name");
    }

    private static void waitForActiveReplicas(int replicas) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        List<String> states = List.of();
        while (System.nanoTime() < deadline) {
            states = replicaFields("state").values().stream().flatMap(List::stream).toList();
            if (states.size() == replicas && states.stream().allMatch("active"::equals)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("replicas not active in 60 s: " + states);
    }

    private static Map<String, List<String>> replicaFields(String field) throws Exception {
        NamedList<Object> status = CollectionAdminRequest.getClusterStatus().setCollectionName(COLLECTION)
                .process(node0).getResponse();
        Object shards = child(child(child(child(status, "cluster"), "collections"), COLLECTION), "shards");
        Map<String, List<String>> values = new TreeMap<>();
        for (String shard : keys(shards)) {
            Object replicas = child(child(shards, shard), "replicas");
            List<String> list = new ArrayList<>();
            for (String replica : keys(replicas)) {
                list.add(String.valueOf(child(child(replicas, replica), field)));
            }
            values.put(shard, list);
        }
        return values;
    }

    /** A value in a response: responses nest NamedLists and Maps. */
    private static Object child(Object parent, String key) {
        Object value = parent instanceof NamedList<?> list ? list.get(key)
                : parent instanceof Map<?, ?> map ? map.get(key) : null;
        if (value == null) {
            throw new AssertionError("no " + key + " in " + parent);
        }
        return value;
    }

    private static List<String> keys(Object parent) {
        List<String> keys = new ArrayList<>();
        if (parent instanceof NamedList<?> list) {
            list.forEach(entry -> keys.add(entry.getKey()));
        } else if (parent instanceof Map<?, ?> map) {
            map.keySet().forEach(key -> keys.add(String.valueOf(key)));
        }
        return keys;
    }

    private static Path resource(String name) throws URISyntaxException {
        URL url = SolrTestClusterTest.class.getClassLoader().getResource(name);
        return Paths.get(url.toURI());
    }

    /** The files of a config-set folder as a zip, as the ConfigSet API's UPLOAD takes it. */
    private static byte[] zip(Path dir) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(dir.relativize(file).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
