package kb.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import kb.meaning.Embedder;
import kb.meaning.Meaning;

/**
 * Times search by meaning's embedder on real text: passages per second for one batch at each pool size, and the
 * latency of embedding one query, alone and while a batch runs. Rule: every figure follows a warm-up; the vectors of
 * each pool size are checked bit-identical to the first's. Reads SciFact (BEIR layout) from {@code
 * ../shared/datasets/scifact} unless told otherwise, and says so when it is missing.
 *
 * <pre>java -cp target/kb.jar kb.bench.EmbeddingBench [passages=300] [queries=200] [pool sizes=1,2] [scifact folder]</pre>
 */
public final class EmbeddingBench {
    private static final Path SCIFACT = Path.of("..", "shared", "datasets", "scifact");
    private static final int WARM_UP = 16;

    private EmbeddingBench() {}

    public static void main(String[] args) throws Exception {
        int passages = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int[] pools = args.length > 2 ? Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {1, 2};
        Path folder = args.length > 3 ? Path.of(args[3]) : SCIFACT;
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        if (!Files.isRegularFile(folder.resolve("corpus.jsonl")) || !Files.isRegularFile(folder.resolve("queries.train.tsv"))) {
            System.err.println("kb EmbeddingBench: no SciFact at " + folder.toAbsolutePath().normalize()
                    + " (corpus.jsonl, queries.train.tsv; is ../shared/datasets there?)");
            System.exit(2);
        }
        List<String> texts = abstracts(folder.resolve("corpus.jsonl"), passages);
        List<String> claims = claims(folder.resolve("queries.train.tsv"), queries);
        out.printf("%d SciFact abstracts (%.0f characters on average), %d claims as queries; %d cores%n", texts.size(),
                texts.stream().mapToInt(String::length).average().orElse(0), claims.size(),
                Runtime.getRuntime().availableProcessors());
        out.println("threads in this process before the model loads: " + nativeThreads());

        Table batches = new Table("pool threads", "passages", "seconds", "passages/s", "peak process threads",
                "same vectors");
        Table latency = new Table("query embedding", "queries", "p50 ms", "p99 ms", "mean ms");
        float[][] first = null;
        for (int pool : pools) {
            Meaning meaning = Meaning.load(pool);
            Embedder embedder = meaning.embedder().orElse(null);
            if (embedder == null) {
                System.err.println(meaning.message());
                System.exit(1);
            }
            try (embedder) {
                embedder.embed(texts.subList(0, Math.min(WARM_UP, texts.size())));
                ThreadPeak peak = ThreadPeak.start();
                long start = System.nanoTime();
                float[][] vectors = embedder.embed(texts);
                long nanos = System.nanoTime() - start;
                int peakThreads = peak.stop();
                if (first == null) {
                    first = vectors;
                }
                batches.row(pool, texts.size(), String.format("%.2f", nanos / 1e9),
                        String.format("%.1f", texts.size() / (nanos / 1e9)), peakThreads,
                        Arrays.deepEquals(first, vectors) ? "yes" : "NO");
                Latencies alone = queryLatencies(embedder, claims);
                row(latency, "alone, pool of " + pool, alone);
                Latencies during = duringBatch(embedder, texts, claims);
                row(latency, "during a batch, pool of " + pool, during);
            }
        }
        batches.print(out);
        out.println();
        latency.print(out);
    }

    private static void row(Table table, String what, Latencies latencies) {
        table.row(what, latencies.count(), String.format("%.1f", latencies.p50()),
                String.format("%.1f", latencies.p99()), String.format("%.1f", latencies.meanMs()));
    }

    private static Latencies queryLatencies(Embedder embedder, List<String> claims) {
        claims.subList(0, Math.min(WARM_UP, claims.size())).forEach(embedder::embedQuery);
        Latencies.Recorder recorder = new Latencies.Recorder();
        for (String claim : claims) {
            long start = System.nanoTime();
            embedder.embedQuery(claim);
            recorder.add(System.nanoTime() - start);
        }
        return recorder.latencies();
    }

    /** Query latencies on this thread while another thread embeds {@code texts} (repeatedly, until done). */
    private static Latencies duringBatch(Embedder embedder, List<String> texts, List<String> claims)
            throws InterruptedException {
        AtomicBoolean done = new AtomicBoolean();
        Thread indexing = new Thread(() -> {
            while (!done.get()) {
                embedder.embed(texts);
            }
        }, "bench-indexing");
        indexing.start();
        Thread.sleep(500);
        Latencies.Recorder recorder = new Latencies.Recorder();
        for (String claim : claims) {
            long start = System.nanoTime();
            embedder.embedQuery(claim);
            recorder.add(System.nanoTime() - start);
        }
        done.set(true);
        indexing.join();
        return recorder.latencies();
    }

    private static List<String> abstracts(Path corpus, int n) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> texts = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null && texts.size() < n; line = in.readLine()) {
                JsonNode doc = json.readTree(line);
                String text = doc.path("text").asText("");
                if (!text.isBlank()) {
                    texts.add(text);
                }
            }
        }
        return texts;
    }

    private static List<String> claims(Path tsv, int n) throws IOException {
        try (var lines = Files.lines(tsv, StandardCharsets.UTF_8)) {
            return lines.map(line -> line.substring(line.indexOf('\t') + 1)).filter(s -> !s.isBlank()).limit(n).toList();
        }
    }

    /** Threads of this process, native ones included (Linux: /proc/self/task); -1 where that cannot be read. */
    static int nativeThreads() {
        String[] tasks = new java.io.File("/proc/self/task").list();
        return tasks == null ? -1 : tasks.length;
    }

    /** Samples the process's thread count every 20 ms and keeps the highest. */
    private static final class ThreadPeak {
        private final AtomicInteger peak = new AtomicInteger();
        private final AtomicBoolean stop = new AtomicBoolean();
        private final Thread sampler = new Thread(this::sample, "bench-thread-peak");

        static ThreadPeak start() {
            ThreadPeak p = new ThreadPeak();
            p.sampler.setDaemon(true);
            p.sampler.start();
            return p;
        }

        private void sample() {
            while (!stop.get()) {
                peak.accumulateAndGet(nativeThreads(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        int stop() throws InterruptedException {
            stop.set(true);
            sampler.join();
            return peak.get();
        }
    }
}
