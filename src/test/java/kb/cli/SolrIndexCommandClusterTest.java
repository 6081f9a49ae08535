package kb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import kb.solr.SolrNodes;
import kb.solr.testing.SolrClusterTest;
import kb.solr.testing.SolrTestCluster;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.response.CollectionAdminResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kb index --solr} as a person runs it, against a real cluster: its report, its exit codes, its alias. */
@SolrClusterTest
class SolrIndexCommandClusterTest {
    @TempDir
    Path tmp;

    @Test
    void theReportSaysWhatWasReadAndWhatTheCollectionGotAndASecondRunSendsNothing() throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        Files.writeString(corpus.resolve("alpha.md"), "# Alpha\n\nKetamine eases depression within hours.\n");
        Files.writeString(corpus.resolve("beta.md"), "# Beta\n\nSerotonin reuptake inhibitors take weeks.\n");
        Files.write(corpus.resolve("broken.pdf"), new byte[] {1, 2, 3});
        List<String> urls = SolrTestCluster.shared().nodeUrls();
        String alias = "kbcli_" + Long.toHexString(System.nanoTime());
        String[] args = {"index", "--corpus", corpus.toString(), "--solr", String.join(",", urls), "--collection",
            alias, "--mirror", tmp.resolve("mirror").toString(), "--no-meaning"};
        try {
            KbRun first = KbRun.kb(args);
            assertEquals(0, first.code(), first.err());
            assertTrue(first.out().startsWith("Indexed 2 articles, 2 passages (2 paragraph) from 2 files"), first.out());
            assertTrue(first.out().contains("\nSkipped 1 file: "), first.out());
            assertTrue(first.out().contains("\n  broken.pdf: "), first.out());
            assertTrue(first.out().strip().endsWith("Collection " + alias + " (2 shards × 2 replicas), built anew and "
                    + "switched to: 2 added, 0 changed, 0 deleted, 0 unchanged (articles); 2 passages sent."), first.out());
            assertTrue(!first.out().contains(alias + "_"), "the dated collection behind the alias is never shown");

            KbRun second = KbRun.kb(args);
            assertEquals(0, second.code(), second.err());
            assertTrue(second.out().strip().endsWith("Collection " + alias + " (2 shards × 2 replicas): up to date, "
                    + "nothing sent."), second.out());

            String[] strict = java.util.Arrays.copyOf(args, args.length + 1);
            strict[args.length] = "--strict";
            assertEquals(1, KbRun.kb(strict).code(), "--strict fails on the skipped file, as kb index does");
        } finally {
            deleteAlias(urls, alias);
        }
    }

    private static void deleteAlias(List<String> urls, String alias) throws IOException, Exception {
        try (SolrNodes nodes = SolrNodes.of(urls, Duration.ofMinutes(1))) {
            CollectionAdminResponse r = nodes.process(new CollectionAdminRequest.ListAliases(), null);
            List<String> behind = r.getAliasesAsLists().getOrDefault(alias, List.of());
            nodes.process(CollectionAdminRequest.deleteAlias(alias), null);
            for (String c : behind) {
                nodes.process(CollectionAdminRequest.deleteCollection(c), null);
            }
        }
    }
}
