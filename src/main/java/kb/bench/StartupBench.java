package kb.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Start-up time: spawns {@code kb serve} as a child JVM (this JVM's {@code java} and class path) on a free port,
 * polls {@code /api/search?q=…} every 5 ms, and reports the wall time from spawning the process to the first 200.
 * The child is stopped afterwards.
 */
public final class StartupBench {
    private static final long GIVE_UP_NANOS = 60_000_000_000L;

    private StartupBench() {}

    /**
     * One start-up: wall seconds from spawn to the first answered search, and the CPU seconds the child had used by
     * then (steadier than wall time on a busy machine; above the wall time when start-up work runs in parallel).
     */
    public record Result(double wallSeconds, double cpuSeconds, Latencies after, int failed, String failures) {}

    /** Starts a {@code kb serve} over {@code corpus} and {@code index} and times it to the first answered search. */
    public static Result once(Path corpus, Path index, String query) throws IOException, InterruptedException {
        return once(corpus, index, query, List.of(), List.of(), List.of());
    }

    /**
     * As {@link #once(Path, Path, String)}, the child started with {@code jvmOptions} (e.g. {@code -Xmx512m}) and
     * {@code serveOptions} (e.g. {@code --no-meaning}); after its first answer it is sent each of {@code thenQueries}
     * once over {@code /api/search}, timed ({@link Result#after}), and the answers other than 200 are counted.
     */
    public static Result once(Path corpus, Path index, String query, List<String> jvmOptions, List<String> serveOptions,
            List<String> thenQueries) throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("kb.cli.Main");
        command.addAll(List.of("serve", "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--corpus", corpus.toString(), "--index", index.toString()));
        command.addAll(serveOptions);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true);
        // The child's output is kept only to tell why searches failed (an OutOfMemoryError under a small heap).
        Path log = thenQueries.isEmpty() ? null : java.nio.file.Files.createTempFile("kb-bench-serve-", ".log");
        builder.redirectOutput(log == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(log.toFile()));
        HttpClient http = HttpBench.client();
        HttpBench server = new HttpBench("http://127.0.0.1:" + port);
        URI uri = server.uri("/api/search", query);
        long start = System.nanoTime();
        Process child = builder.start();
        try {
            while (System.nanoTime() - start < GIVE_UP_NANOS) {
                if (HttpBench.get(http, uri)) {
                    double wall = (System.nanoTime() - start) / 1e9;
                    double cpu = child.toHandle().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
                    Latencies.Recorder after = new Latencies.Recorder();
                    int failed = 0;
                    java.util.Map<Integer, Integer> statuses = new java.util.TreeMap<>();
                    for (String q : thenQueries) {
                        long t0 = System.nanoTime();
                        int status = HttpBench.status(http, server.uri("/api/search", q));
                        after.add(System.nanoTime() - t0);
                        if (status != 200) {
                            failed++;
                            statuses.merge(status, 1, Integer::sum);
                        }
                    }
                    String why = statuses.isEmpty() ? "" : "answers " + statuses + " (-1: none)";
                    if (log != null && java.nio.file.Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1)
                            .contains("OutOfMemoryError")) {
                        why += (why.isEmpty() ? "" : "; ") + "OutOfMemoryError in its log";
                    }
                    return new Result(wall, cpu, after.latencies(), failed, why);
                }
                if (!child.isAlive()) {
                    throw new IOException("kb serve exited with status " + child.exitValue() + " before answering");
                }
                Thread.sleep(5);
            }
            throw new IOException("kb serve did not answer within 60 s");
        } finally {
            child.destroy();
            if (!child.waitFor(10, TimeUnit.SECONDS)) {
                child.destroyForcibly().waitFor();
            }
            if (log != null) {
                java.nio.file.Files.deleteIfExists(log);
            }
        }
    }

    /**
     * The class-data-sharing archive the build makes next to the jar ({@code target/kb.jsa}), when this JVM runs from
     * one jar that has one; empty otherwise. Java 17 uses it only for the class path written as it was when it was
     * made, which is this JVM's own when it was started as {@code java -jar target/kb.jar} from the project folder.
     */
    public static java.util.Optional<String> archive() {
        String cp = System.getProperty("java.class.path", "");
        if (!cp.endsWith(".jar") || cp.contains(java.io.File.pathSeparator)) {
            return java.util.Optional.empty();
        }
        Path jar = Path.of(cp);
        Path jsa = jar.resolveSibling("kb.jsa");
        return java.nio.file.Files.isRegularFile(jsa) ? java.util.Optional.of(jsa.toString()) : java.util.Optional.empty();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
