package kb.solr.testing;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;

/**
 * A SolrCloud cluster in a JVM of its own ({@code kb.solrcluster.ClusterMain} from {@code solr-cluster/}: an
 * embedded ZooKeeper and N Solr 9.10 nodes), with kb's plugin jar on its class path, so a schema loads kb's
 * analyzers and query parser by name. Solr's Jetty 10 never meets kb's Jetty 12: tests reach the nodes over HTTP
 * only (SolrJ's {@code HttpJdkSolrClient} on {@link #nodeUrls()}).
 *
 * <p>{@link #shared()} is the one 2-node cluster of a test JVM, started on first use and stopped when the JVM ends;
 * test classes share it, so each uses collection and config-set names of its own and deletes them after. It needs
 * what the build makes before the tests ({@code mvn -B verify}, or {@code mvn -B process-test-classes}):
 * {@code target/kb-solr-plugin.jar}, {@code solr-cluster/target/kb-solr-cluster.jar} and the cluster's class path
 * in {@code target/solr-cluster.classpath}. The cluster JVM's standard error (Solr's warnings) goes to {@code
 * target/solr-cluster-<pid>.log}; a failure to start, stop or start a node quotes its last lines.
 *
 * <p>The cluster process reads commands from its standard input and ends when that input ends, so it never outlives
 * this JVM, even one that is killed.
 */
public final class SolrTestCluster implements AutoCloseable {
    /** JUnit tag of the tests that use a cluster ({@link SolrClusterTest}). */
    public static final String TAG = "solr";

    static final String MAIN_CLASS = "kb.solrcluster.ClusterMain";
    static final String HEAP = "-Xmx384m";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(150);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final int TAIL_LINES = 40;
    private static final String EOF = "\u0000eof";

    private static SolrTestCluster shared;
    private static RuntimeException sharedFailure;

    private final Process process;
    private final PrintWriter commands;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final Deque<String> errTail = new ArrayDeque<>();
    private final Path logFile;
    private final String zkHost;
    /** Read without a lock: searches on other threads may ask while a node is being stopped or started. */
    private volatile List<String> nodeUrls;
    private final boolean isShared;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SolrTestCluster(Process process, Path logFile, int nodes, boolean isShared, InputStream stdout,
            InputStream stderr) {
        this.process = process;
        this.logFile = logFile;
        this.isShared = isShared;
        this.commands = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
        startDaemon("solr-cluster-stdout", () -> readAnswers(stdout));
        startDaemon("solr-cluster-stderr", () -> copyErrors(stderr));
        String zk = null;
        String[] urls = new String[nodes];
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            String line = next(deadline, "start");
            if (line.equals("READY")) {
                break;
            } else if (line.startsWith("ZK ")) {
                zk = line.substring(3).strip();
            } else if (line.startsWith("NODE ")) {
                String[] words = line.split(" ");
                urls[Integer.parseInt(words[1])] = words[2];
            }
        }
        if (zk == null || Arrays.asList(urls).contains(null)) {
            throw failure("the cluster said READY without its ZooKeeper and " + nodes + " node addresses", null);
        }
        this.zkHost = zk;
        this.nodeUrls = List.of(urls);
    }

    /**
     * The 2-node cluster of this test JVM, started at the first call (about 10 s), stopped by a shutdown hook when
     * the JVM ends. {@link #close()} on it does nothing. A cluster that failed to start fails every later call the
     * same way, at once.
     */
    public static synchronized SolrTestCluster shared() {
        if (sharedFailure != null) {
            throw sharedFailure;
        }
        if (shared == null) {
            try {
                shared = start(2, Locations.fromBuild(), true);
            } catch (RuntimeException e) {
                sharedFailure = e;
                throw e;
            }
            SolrTestCluster cluster = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::shutdown, "solr-test-cluster-shutdown"));
        }
        return shared;
    }

    /** A cluster of its own (for a test that must not disturb the shared one); {@link #close()} stops it. */
    public static SolrTestCluster start(int nodes) {
        return start(nodes, Locations.fromBuild(), false);
    }

    static SolrTestCluster start(int nodes, Locations locations, boolean isShared) {
        List<String> classPath = locations.classPath();
        Path javaBin = Paths.get(System.getProperty("java.home"), "bin", "java");
        List<String> command = List.of(javaBin.toString(), HEAP, "-XX:+ExitOnOutOfMemoryError",
                "-cp", String.join(File.pathSeparator, classPath),
                MAIN_CLASS, "--nodes", Integer.toString(nodes), "--plugin", locations.pluginJar.toString());
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + javaBin, e);
        }
        Path logFile = locations.logDir.resolve("solr-cluster-" + process.pid() + ".log");
        try {
            return new SolrTestCluster(process, logFile, nodes, isShared, process.getInputStream(),
                    process.getErrorStream());
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** Every node's base URL ({@code http://127.0.0.1:PORT/solr}), by node number, stopped nodes too. */
    public List<String> nodeUrls() {
        return nodeUrls;
    }

    /** ZooKeeper's address with Solr's chroot, {@code 127.0.0.1:PORT/solr}, as Solr's clients take it. */
    public String zkHost() {
        return zkHost;
    }

    /**
     * Stops node {@code i} and returns once it is down: gone from the cluster's live nodes, and every shard that
     * still has a live replica has a live leader again.
     */
    public synchronized void stopNode(int i) {
        checkNode(i);
        String answer = command("stop " + i);
        if (!answer.equals("OK stop " + i)) {
            throw failure("unexpected answer to stop " + i + ": " + answer, null);
        }
    }

    /** Starts node {@code i} again on its port and returns once it is live and its replicas are active. */
    public synchronized void startNode(int i) {
        checkNode(i);
        String answer = command("start " + i);
        String expected = "OK start " + i + " ";
        if (!answer.startsWith(expected)) {
            throw failure("unexpected answer to start " + i + ": " + answer, null);
        }
        List<String> urls = new ArrayList<>(nodeUrls);
        urls.set(i, answer.substring(expected.length()).strip());
        nodeUrls = List.copyOf(urls);
    }

    /**
     * A new SolrJ client of node {@code i} (the caller closes it): {@code HttpJdkSolrClient}, the SolrJ client that
     * works beside kb's Jetty 12, over HTTP/1.1 (over plain http the JDK client otherwise first sends a HEAD to each
     * new path to try HTTP/2, which Solr logs as an error on admin paths), 5 s to connect, 60 s per request.
     */
    public HttpJdkSolrClient newClient(int i) {
        checkNode(i);
        return new HttpJdkSolrClient.Builder(nodeUrls.get(i))
                .useHttp1_1(true)
                .withConnectionTimeout(5, TimeUnit.SECONDS)
                .withRequestTimeout(60, TimeUnit.SECONDS)
                .build();
    }

    /** The cluster JVM's process id (to measure it). */
    public long pid() {
        return process.pid();
    }

    /** Whether the cluster JVM is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** The last lines the cluster JVM wrote on standard error (its log at WARN). */
    public String logTail() {
        synchronized (errTail) {
            return String.join("\n", errTail);
        }
    }

    /** Stops this cluster; does nothing on the {@link #shared()} one, which the JVM's end stops. */
    @Override
    public void close() {
        if (!isShared) {
            shutdown();
        }
    }

    /** Ends the cluster's standard input, as the end of this JVM does (the cluster then shuts itself down). */
    void endInput() {
        commands.close();
    }

    /** Not synchronized: the JVM's shutdown hook must not wait for a command another thread is waiting on. */
    void shutdown() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            if (process.isAlive()) {
                commands.println("quit");
                commands.close();
                if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroy();
                    if (!process.waitFor(10, TimeUnit.SECONDS)) {
                        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    }
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void checkNode(int i) {
        if (i < 0 || i >= nodeUrls.size()) {
            throw new IllegalArgumentException("no node " + i + " in a cluster of " + nodeUrls.size());
        }
        if (closed.get()) {
            throw new IllegalStateException("the cluster is closed");
        }
    }

    /** Sends one command and returns its answer; an {@code ERR} answer throws IllegalStateException. */
    private String command(String command) {
        if (!process.isAlive()) {
            throw failure("the cluster is not running (exit code " + process.exitValue() + ")", null);
        }
        commands.println(command);
        String answer = next(System.nanoTime() + COMMAND_TIMEOUT.toNanos(), command);
        if (answer.startsWith("ERR ")) {
            throw new IllegalStateException("the cluster refused " + command + ": " + answer.substring(4));
        }
        return answer;
    }

    /** The next line on the cluster's standard output; throws with its log if it ends or the deadline passes. */
    private String next(long deadline, String what) {
        try {
            long left = deadline - System.nanoTime();
            String line = left > 0 ? answers.poll(left, TimeUnit.NANOSECONDS) : null;
            if (line == null) {
                process.destroyForcibly();
                throw failure("no answer to " + what + " in time", null);
            }
            if (line.equals(EOF)) {
                process.waitFor(5, TimeUnit.SECONDS);
                throw failure("the cluster ended during " + what
                        + (process.isAlive() ? "" : " (exit code " + process.exitValue() + ")"), null);
            }
            return line;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw failure("interrupted waiting for " + what, e);
        }
    }

    private IllegalStateException failure(String message, Throwable cause) {
        return new IllegalStateException("Solr test cluster: " + message + "; the last lines of its log ("
                + logFile + "):\n" + logTail(), cause);
    }

    private void readAnswers(InputStream stdout) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                answers.add(line);
            }
        } catch (IOException e) {
            // the process ended
        }
        answers.add(EOF);
    }

    private void copyErrors(InputStream stderr) {
        Writer log = null;
        try {
            Files.createDirectories(logFile.getParent());
            log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            remember("(could not write " + logFile + ": " + e + ")");
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stderr, StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                remember(line);
                if (log != null) {
                    log.write(line);
                    log.write('\n');
                    log.flush();
                }
            }
        } catch (IOException e) {
            // the process ended
        } finally {
            if (log != null) {
                try {
                    log.close();
                } catch (IOException e) {
                    // nothing more to keep
                }
            }
        }
    }

    private void remember(String line) {
        synchronized (errTail) {
            errTail.addLast(line);
            while (errTail.size() > TAIL_LINES) {
                errTail.removeFirst();
            }
        }
    }

    private static void startDaemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Where the build put the plugin jar, the launcher jar and the cluster's class path. */
    static final class Locations {
        final Path pluginJar;
        final Path launcherJar;
        final Path classPathFile;
        final Path logDir;

        Locations(Path pluginJar, Path launcherJar, Path classPathFile, Path logDir) {
            this.pluginJar = pluginJar;
            this.launcherJar = launcherJar;
            this.classPathFile = classPathFile;
            this.logDir = logDir;
        }

        /**
         * From the project folder (the working directory Maven runs tests in; {@code -Dkb.basedir} overrides), as
         * the build writes them.
         */
        static Locations fromBuild() {
            Path base = Paths.get(System.getProperty("kb.basedir", System.getProperty("user.dir"))).toAbsolutePath();
            return new Locations(base.resolve("target/kb-solr-plugin.jar"),
                    base.resolve("solr-cluster/target/kb-solr-cluster.jar"),
                    base.resolve("target/solr-cluster.classpath"), base.resolve("target"));
        }

        /** Plugin jar, launcher jar, then the cluster's dependencies; every one must exist. */
        List<String> classPath() {
            List<Path> missing = new ArrayList<>();
            for (Path file : List.of(pluginJar, launcherJar, classPathFile)) {
                if (!Files.isRegularFile(file)) {
                    missing.add(file);
                }
            }
            List<String> entries = new ArrayList<>();
            entries.add(pluginJar.toString());
            entries.add(launcherJar.toString());
            if (missing.isEmpty()) {
                String text;
                try {
                    text = Files.readString(classPathFile, StandardCharsets.UTF_8).strip();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                for (String entry : text.split(File.pathSeparator)) {
                    if (!entry.isBlank()) {
                        entries.add(entry);
                        if (!Files.exists(Paths.get(entry))) {
                            missing.add(Paths.get(entry));
                        }
                    }
                }
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("The Solr test cluster is not built: missing "
                        + missing.stream().limit(3).map(Path::toString).collect(Collectors.joining(", "))
                        + (missing.size() > 3 ? " and " + (missing.size() - 3) + " more" : "")
                        + ". Run `mvn -B verify` (or `mvn -B process-test-classes`) first: it builds "
                        + "target/kb-solr-plugin.jar and solr-cluster/ (its class path in "
                        + "target/solr-cluster.classpath), which the cluster tests launch.");
            }
            return entries;
        }
    }
}
