package kb.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded HTTP load generator: {@code clients} threads, each with its own kept-alive {@link KeepAliveClient}, send GET requests
 * one after another (a closed loop, no think time) for a fixed duration, cycling through the queries from
 * different starting points. Every request's latency is recorded; a response other than 200 counts as an error.
 */
public final class HttpBench {
    private final String base;
    private final String host;
    private final int port;

    /** {@code base} is the server's root, e.g. {@code http://127.0.0.1:7070}. */
    public HttpBench(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        URI root = URI.create(this.base);
        this.host = root.getHost();
        this.port = root.getPort();
    }

    /** What one load level gave. */
    public record Result(int clients, Latencies latencies, long errors, double seconds) {
        public double requestsPerSecond() {
            return latencies.count() / seconds;
        }
    }

    /** The URL of a search: {@code path} is {@code /api/search} or {@code /search}. */
    public URI uri(String path, String query) {
        return URI.create(base + path + "?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
    }

    /** The request target (path and query) of a search, as {@link KeepAliveClient} sends it. */
    static String target(String path, String query) {
        return path + "?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    /** Drives {@code path} with {@code clients} concurrent clients for {@code seconds}. */
    public Result load(String path, List<String> queries, int clients, double seconds) throws InterruptedException {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        List<Latencies.Recorder> recorders = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Latencies.Recorder rec = new Latencies.Recorder();
            recorders.add(rec);
            int offset = (int) ((long) c * queries.size() / clients);
            Thread t = new Thread(() -> {
                try (KeepAliveClient http = new KeepAliveClient(host, port)) {
                    for (int i = offset; System.nanoTime() < deadline; i++) {
                        String target = target(path, queries.get(i % queries.size()));
                        long t0 = System.nanoTime();
                        if (!ok(http, target)) {
                            errors.incrementAndGet();
                        }
                        rec.add(System.nanoTime() - t0);
                    }
                }
            }, "kb-bench-client-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double took = (System.nanoTime() - start) / 1e9;
        Latencies.Recorder all = new Latencies.Recorder();
        recorders.forEach(all::addAll);
        return new Result(clients, all.latencies(), errors.get(), took);
    }

    /**
     * One client alternating between two paths (which goes first alternates too), so their latencies are compared
     * under the same conditions; returns the two series in the order given. Each pass sends every query to each
     * path, the second path half the list apart from the first: the same search twice in a row would find the
     * second one's index data already in the caches and favour whichever path asks second.
     */
    public Latencies[] compare(String pathA, String pathB, List<String> queries, int passes) {
        return compare(pathA, pathB, queries, passes, Double.POSITIVE_INFINITY);
    }

    /** Slices of warm-up added while the JIT still compiles: each at most this long (and no longer than the level). */
    static final double SLICE_SECONDS = 2;
    /** The added slices stop after this many seconds, or ten times the asked warm-up if that is less. */
    static final double MAX_EXTRA_SECONDS = 60;

    /** How long a warm-up took, and the share of the last slice's wall time the JIT compiled for. */
    public record WarmUp(double seconds, double lastJitShare) {}

    /**
     * Alternates as {@link #compare(String, String, List, int)} for about {@code seconds}, to warm both paths, then
     * goes on in slices while the JIT compiled for more than {@link JitActivity#QUIET} of the last one (up to
     * {@link #MAX_EXTRA_SECONDS}, or ten times {@code seconds}): the HTTP path brings code the in-process passes never
     * ran.
     */
    public WarmUp warmUp(String pathA, String pathB, List<String> queries, double seconds) {
        long start = System.nanoTime();
        JitActivity jit = new JitActivity();
        compare(pathA, pathB, queries, Integer.MAX_VALUE, seconds);
        double share = jit.shareSinceLastLook();
        double slice = Math.min(SLICE_SECONDS, seconds);
        long extraEnd = System.nanoTime() + (long) (Math.min(MAX_EXTRA_SECONDS, 10 * seconds) * 1e9);
        while (share > JitActivity.QUIET && System.nanoTime() < extraEnd) {
            compare(pathA, pathB, queries, Integer.MAX_VALUE, slice);
            share = jit.shareSinceLastLook();
        }
        return new WarmUp((System.nanoTime() - start) / 1e9, share);
    }

    private Latencies[] compare(String pathA, String pathB, List<String> queries, int passes, double seconds) {
        long deadline = System.nanoTime() + (long) Math.min(seconds * 1e9, Long.MAX_VALUE / 2.0);
        Latencies.Recorder a = new Latencies.Recorder();
        Latencies.Recorder b = new Latencies.Recorder();
        int turn = 0;
        try (KeepAliveClient http = new KeepAliveClient(host, port)) {
            for (int pass = 0; pass < passes && System.nanoTime() < deadline; pass++) {
                for (int i = 0; i < queries.size() && System.nanoTime() < deadline; i++) {
                    String q = queries.get(i);
                    String other = queries.get((i + queries.size() / 2) % queries.size());
                    boolean aFirst = (turn++ & 1) == 0;
                    if (aFirst) {
                        time(http, target(pathA, q), a);
                    }
                    time(http, target(pathB, other), b);
                    if (!aFirst) {
                        time(http, target(pathA, q), a);
                    }
                }
            }
        }
        return new Latencies[] {a.latencies(), b.latencies()};
    }

    private static void time(KeepAliveClient http, String target, Latencies.Recorder into) {
        long t0 = System.nanoTime();
        ok(http, target);
        into.add(System.nanoTime() - t0);
    }

    private static boolean ok(KeepAliveClient http, String target) {
        try {
            return http.get(target) == 200;
        } catch (IOException e) {
            http.close();
            return false;
        }
    }

    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Sends one GET and reads the whole body; true when the answer was 200. */
    static boolean get(HttpClient http, URI uri) {
        return status(http, uri) == 200;
    }

    /** Sends one GET and reads the whole body; the status, or -1 when no answer came. */
    static int status(HttpClient http, URI uri) {
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return r.statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
