package kb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code kb serve} refuses a bad admin token or public URL before it indexes anything, with a plain message. */
class ServeStartupChecksTest {
    @TempDir
    Path tmp;
    Path corpus;
    Path index;

    @BeforeEach
    void corpus() throws Exception {
        corpus = Files.createDirectories(tmp.resolve("corpus"));
        index = tmp.resolve("index");
        Files.writeString(corpus.resolve("alpha.md"), "# Alpha\n\nAlpha talks about glutamate.\n");
    }

    /** The token comes from the environment, so this runs the real command line in its own JVM. */
    @ParameterizedTest
    @ValueSource(strings = {"q", "correct horse", "12345678901234567890123"})
    void aShortAdminTokenStopsServeBeforeItIndexes(String token) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                "kb.cli.Main", "serve", "--port", "0", "--corpus", corpus.toString(), "--index", index.toString()))
                .redirectErrorStream(true);
        pb.environment().put("KB_ADMIN_TOKEN", token);
        Process p = pb.start();
        p.getOutputStream().close();
        boolean exited = p.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            p.destroyForcibly();
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(exited, "kb serve should refuse to start:\n" + output);
        assertEquals(2, p.exitValue(), output);
        assertTrue(output.contains("KB_ADMIN_TOKEN"), output);
        assertTrue(output.contains("at least 24"), output);
        assertTrue(output.contains("openssl rand -hex 32"), output);
        assertFalse(output.contains("Exception"), output);
        assertFalse(output.contains("Indexing"), output);
        assertFalse(output.contains("kb is serving"), output);
        if (token.length() > 1) {
            assertFalse(output.contains(token), "the token is never printed");
        }
        assertFalse(Files.exists(index), "nothing was indexed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://kb.example.org", "https://kb.example.org/?q=1", "https://kb.example.org/#top",
        "kb.example.org", "https://user:secret@kb.example.org", "http://"})
    void aBadPublicUrlIsAUsageErrorBeforeAnythingIsIndexed(String url) {
        KbRun run = KbRun.kb("serve", "--port", "0", "--corpus", corpus.toString(), "--index", index.toString(),
                "--public-url", url);
        assertEquals(2, run.code(), run.out() + run.err());
        assertTrue(run.err().contains("--public-url: the public URL"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        assertFalse(run.err().contains("secret"), run.err());
        assertFalse(Files.exists(index), "nothing was indexed");
    }
}
