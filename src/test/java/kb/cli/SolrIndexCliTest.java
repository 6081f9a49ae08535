package kb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kb index --solr} without a cluster: an unreachable one fails in one line and changes nothing, not even the
 * mirror; options that do not go together are usage errors.
 */
class SolrIndexCliTest {
    @TempDir
    Path tmp;
    Path corpus;

    @BeforeEach
    void corpus() throws IOException {
        corpus = Files.createDirectories(tmp.resolve("corpus"));
        Files.writeString(corpus.resolve("alpha.md"), "# Alpha\n\nKetamine eases depression within hours.\n");
    }

    /** A local port nothing listens on: taken, then given back. */
    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void anUnreachableClusterFailsInOneLineNamingEachNodeAndLeavesNoMirror() throws IOException {
        int a = closedPort();
        int b = closedPort();
        Path mirror = tmp.resolve("mirror");
        KbRun run = KbRun.kb("index", "--corpus", corpus.toString(), "--solr",
                "http://127.0.0.1:" + a + "/solr,http://127.0.0.1:" + b, "--collection", "kb", "--mirror",
                mirror.toString(), "--no-meaning");
        assertEquals(1, run.code(), run.err());
        assertEquals("", run.out());
        String[] lines = run.err().strip().split("\n");
        assertEquals(1, lines.length, run.err());
        // Each node tried, with why (the wording of the reason is SolrNodes' own).
        assertTrue(lines[0].matches("kb index: no Solr node answered: http://127\\.0\\.0\\.1:" + a + "/solr \\(.+\\), "
                + "http://127\\.0\\.0\\.1:" + b + "/solr \\(.+\\)"), lines[0]);
        assertFalse(Files.exists(mirror), "nothing changed, not even the mirror");
    }

    @Test
    void theClusterOptionsGoWithSolrAndNotWithTheEmbeddedIndexFolder() {
        for (String[] option : new String[][] {{"--collection", "kb"}, {"--shards", "3"}, {"--mirror", "m"}}) {
            KbRun noSolr = KbRun.kb("index", "--corpus", corpus.toString(), option[0], option[1]);
            assertEquals(2, noSolr.code());
            assertTrue(noSolr.err().startsWith(option[0] + " goes with --solr URL"), noSolr.err());
        }

        KbRun withIndex = KbRun.kb("index", "--corpus", corpus.toString(), "--solr", "http://127.0.0.1:1/solr",
                "--collection", "kb", "--index", tmp.resolve("index").toString());
        assertEquals(2, withIndex.code());
        assertTrue(withIndex.err().startsWith("--index names the embedded index"), withIndex.err());

        KbRun badName = KbRun.kb("index", "--corpus", corpus.toString(), "--solr", "http://127.0.0.1:1/solr",
                "--collection", "no/slash", "--mirror", tmp.resolve("m").toString());
        assertEquals(2, badName.code());
        assertTrue(badName.err().startsWith("not a collection name"), badName.err());

        KbRun badUrl = KbRun.kb("index", "--corpus", corpus.toString(), "--solr", "ftp://host/solr",
                "--collection", "kb", "--mirror", tmp.resolve("m").toString());
        assertEquals(2, badUrl.code());
        assertTrue(badUrl.err().startsWith("--solr: not a Solr node URL"), badUrl.err());
        assertFalse(Files.exists(tmp.resolve("m")));
    }

    @Test
    void helpSaysWhatTheMirrorIs() {
        KbRun help = KbRun.kb("index", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("--mirror=DIR"), help.out());
        assertTrue(help.out().replaceAll("\\s+", " ").contains("the local mirror index kb updates from the corpus"),
                help.out());
    }
}
