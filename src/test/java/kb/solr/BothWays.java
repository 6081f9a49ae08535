package kb.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import kb.cli.KbRun;
import kb.search.SearchEngine;
import kb.solr.testing.SolrTestCluster;
import kb.solr.testing.TestCollections;

/** A corpus indexed both ways for the equality tests: embedded with {@code kb index}, and into a 2 × 2 collection. */
final class BothWays {
    private BothWays() {}

    /** Copies kb's format fixtures into {@code corpus}. */
    static void copyFormatFixtures(Path corpus) throws IOException {
        try (Stream<Path> fixtures = Files.list(Path.of("src/test/resources/corpus/formats"))) {
            for (Path f : fixtures.toList()) {
                Files.copy(f, corpus.resolve(f.getFileName().toString()));
            }
        }
    }

    /** Indexes {@code corpus} into {@code index} and into {@code collection} (mirror in {@code mirror}), with {@code options}. */
    static void index(SolrTestCluster solr, Path corpus, Path index, String collection, Path mirror, String... options) {
        List<String> local = new ArrayList<>(List.of("index", "--corpus", corpus.toString(), "--index", index.toString()));
        local.addAll(List.of(options));
        KbRun embedded = KbRun.kb(local.toArray(String[]::new));
        assertEquals(0, embedded.code(), embedded.out() + embedded.err());
        List<String> remote = new ArrayList<>(List.of("index", "--corpus", corpus.toString(), "--solr",
                String.join(",", solr.nodeUrls()), "--collection", collection, "--shards", "2", "--replicas", "2",
                "--mirror", mirror.toString()));
        remote.addAll(List.of(options));
        KbRun cluster = KbRun.kb(remote.toArray(String[]::new));
        assertEquals(0, cluster.code(), cluster.out() + cluster.err());
    }

    /** Closes both engines and drops the collection from the shared cluster. */
    static void close(SearchEngine embedded, SearchEngine cluster, String collection) throws Exception {
        if (embedded != null) {
            embedded.close();
        }
        if (cluster != null) {
            cluster.close();
        }
        TestCollections.drop(SolrTestCluster.shared(), collection);
    }
}
