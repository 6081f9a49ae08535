package kb.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real command line: {@code KB_ADMIN_TOKEN=… kb serve --watch} in its own JVM indexes at startup, follows a
 * corpus change on its own, accepts the token, and after being killed a restart serves the last commit.
 */
class ServeWatchProcessTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "process-token-0123456789abcdef";
    private static final Pattern SERVING = Pattern.compile("kb is serving (\\d+) passages at (http://\\S+/)");

    @TempDir
    Path tmp;

    @Test
    void serveWatchFollowsTheCorpusAndARestartServesTheLastCommit() throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        Path index = tmp.resolve("index");
        Files.writeString(corpus.resolve("alpha.md"), "# Alpha\n\nAlpha talks about glutamate.\n");
        HttpClient http = HttpClient.newHttpClient();

        Process first = serve(corpus, index);
        try {
            String base = awaitServing(first, 1);
            awaitMeaning(http, base, 1); // added in the background after the words-only start
            Files.writeString(corpus.resolve("beta.md"), "# Beta\n\nBeta talks about serotonin.\n");
            awaitTotal(http, base, "serotonin", 1);
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "admin/reindex"))
                    .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            assertEquals(2, JSON.readTree(r.body()).get("unchanged").asInt(), r.body());
            String openSearch = http.send(HttpRequest.newBuilder(URI.create(base + "opensearch.xml")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(openSearch.contains("template=\"https://kb.example.org/search?q={searchTerms}\""), openSearch);
        } finally {
            first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }

        Process second = serve(corpus, index);
        try {
            String base = awaitServing(second, 2);
            assertEquals(1, total(http, base, "serotonin"));
            awaitMeaning(http, base, 2);
        } finally {
            second.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }

        // The corpus folder is gone (an unmounted disk): the index still serves, as it is, and says so.
        Path bound = corpus.toRealPath();
        Files.move(corpus, tmp.resolve("corpus-moved-away"));
        Process third = serve(null, index);
        try {
            StringBuilder output = new StringBuilder();
            String base = awaitServing(third, 2, output);
            assertTrue(output.toString().contains("The corpus folder " + bound + " does not exist; serving the index in"),
                    output.toString());
            assertTrue(output.toString().contains("as it is, watching nothing."), output.toString());
            assertEquals(1, total(http, base, "serotonin"));
        } finally {
            third.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Waits until {@code /health} says every one of the {@code passages} has its meaning vector. */
    private static void awaitMeaning(HttpClient http, String base, int passages) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        JsonNode meaning = null;
        while (System.nanoTime() < deadline) {
            meaning = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "health")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).get("meaning");
            if (meaning.get("state").asText().equals("done") && meaning.get("withMeaning").asInt() == passages) {
                assertEquals("meaning: " + passages + " of " + passages + " passages", meaning.get("message").asText());
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("search by meaning never got done: " + meaning);
    }

    /** {@code kb serve --watch} in a child JVM; without a corpus (null) it uses the index's own. */
    private static Process serve(Path corpus, Path index) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), "kb.cli.Main", "serve", "--watch", "--port", "0", "--index",
                index.toString(), "--public-url", "https://kb.example.org/"));
        if (corpus != null) {
            command.addAll(List.of("--corpus", corpus.toString()));
        }
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("KB_ADMIN_TOKEN", TOKEN);
        return pb.start();
    }

    /** Reads the child's output until it says it is serving; returns its address. */
    private static String awaitServing(Process p, int passages) throws Exception {
        return awaitServing(p, passages, new StringBuilder());
    }

    /** As above, keeping what the child printed up to then in {@code seen}. */
    private static String awaitServing(Process p, int passages, StringBuilder seen) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String line;
        while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
            seen.append(line).append('\n');
            Matcher m = SERVING.matcher(line);
            if (m.find()) {
                assertEquals(passages, Integer.parseInt(m.group(1)), seen.toString());
                // Keep draining the output so the child never blocks on a full pipe.
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "kb-serve-output");
                drain.setDaemon(true);
                drain.start();
                return m.group(2);
            }
        }
        throw new AssertionError("kb serve did not start:\n" + seen);
    }

    private static void awaitTotal(HttpClient http, String base, String word, long expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long seen = -1;
        while (System.nanoTime() < deadline && (seen = total(http, base, word)) != expected) {
            Thread.sleep(100);
        }
        assertEquals(expected, seen, "the watcher picked up the change");
    }

    private static long total(HttpClient http, String base, String word) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "api/search?correct=0&mode=lexical&q=" + word))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode page = JSON.readTree(r.body());
        assertNotNull(page.get("total"), r.body());
        assertTrue(r.statusCode() == 200, r.body());
        return page.get("total").asLong();
    }
}
