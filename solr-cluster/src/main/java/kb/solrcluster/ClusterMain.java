package kb.solrcluster;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiPredicate;
import java.util.stream.Stream;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.common.cloud.DocCollection;
import org.apache.solr.common.cloud.Replica;
import org.apache.solr.common.cloud.Slice;
import org.apache.solr.common.cloud.ZkStateReader;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * A SolrCloud cluster in this JVM: an embedded ZooKeeper and {@code --nodes} Solr nodes (Jetty 10), made with the
 * Solr test framework's {@link MiniSolrCloudCluster}. For kb's tests (kb.solr.testing.SolrTestCluster launches it)
 * and for starting a cluster by hand. kb's plugin jar belongs on this JVM's class path ({@code java -cp
 * kb-solr-plugin.jar:...}), so a schema loads kb's analyzers and query parser by name.
 *
 * <p>Standard output carries only these lines, each flushed at once: {@code ZK <zkHost>} (host:port/chroot, what
 * a Solr client or {@code bin/solr -z} takes), {@code NODE <i> <baseUrl>} for each node, {@code READY}; then one
 * answer per command read from standard input: {@code stop <i>} answers {@code OK stop <i>} once the node is down
 * (gone from ZooKeeper's live nodes, and every shard with a live replica has a live leader again); {@code start
 * <i>} answers {@code OK start <i> <baseUrl>} once the node is back on the same port and its replicas are active;
 * {@code quit} answers {@code OK quit} and shuts the cluster down. A command that fails answers {@code ERR <command>
 * <reason>}. Logs go to standard error, at WARN ({@code -Dkb.cluster.log=INFO} shows more).
 *
 * <p>End of standard input (the parent process ended) shuts the cluster down and ends the JVM, as does SIGTERM, so
 * no cluster outlives the process that started it. Without {@code --dir} the cluster lives in a temporary folder
 * deleted at exit. {@code --no-stdin} reads no commands: the cluster then runs until SIGTERM or Ctrl-C.
 */
public final class ClusterMain {
    private static final int WAIT_SECONDS = 60;
    private static final String EOF = "\u0000eof";

    private final PrintStream out;
    private final Options options;
    private final Path baseDir;
    private final boolean deleteBaseDir;
    private final AtomicBoolean ready = new AtomicBoolean();
    private final AtomicBoolean down = new AtomicBoolean();
    private volatile MiniSolrCloudCluster cluster;
    private volatile JettySolrRunner[] nodes = new JettySolrRunner[0];
    /** Each node's name in the cluster state (host:port_solr), kept: a stopped node no longer knows it. */
    private volatile String[] nodeNames = new String[0];

    /** Kept: java.util.logging holds its loggers weakly, and a collected one forgets its level. */
    private static final java.util.logging.Logger JERSEY = java.util.logging.Logger.getLogger("org.glassfish.jersey");

    private ClusterMain(PrintStream out, Options options) throws IOException {
        this.out = out;
        this.options = options;
        if (options.dir != null) {
            baseDir = options.dir.toAbsolutePath();
            deleteBaseDir = false;
            if (Files.isDirectory(baseDir)) {
                try (Stream<Path> entries = Files.list(baseDir)) {
                    if (entries.findAny().isPresent()) {
                        throw new IllegalArgumentException("--dir " + baseDir + " is not empty");
                    }
                }
            }
        } else {
            baseDir = Files.createTempDirectory("kb-solr-cluster");
            deleteBaseDir = true;
        }
        if (System.getProperty("solr.log.dir") == null) {
            System.setProperty("solr.log.dir", baseDir.resolve("logs").toString()); // else Solr says it is missing
        }
        pluginCheck();
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "classpath:kb-solr-cluster-log4j2.xml");
        }
        // this class's shutdown hook stops the cluster; logging must still work then
        System.setProperty("log4j.shutdownHookEnabled", "false");
        // Jersey (Solr's v2 API) logs through java.util.logging: a warning about a missing optional provider
        JERSEY.setLevel(java.util.logging.Level.SEVERE);
        // stdout is this program's protocol: anything else that prints there goes to stderr
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);

        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("kb-solr-cluster: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options.help) {
            out.println(Options.USAGE);
            return;
        }
        ClusterMain main;
        try {
            main = new ClusterMain(out, options);
        } catch (IllegalArgumentException e) {
            System.err.println("kb-solr-cluster: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(main.run());
    }

    private int run() throws Exception {
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "kb-solr-cluster-shutdown"));
        BlockingQueue<String> commands = new LinkedBlockingQueue<>();
        if (!options.noStdin) {
            Thread reader = new Thread(() -> readCommands(commands), "kb-solr-cluster-stdin");
            reader.setDaemon(true);
            reader.start();
        }

        long started = System.nanoTime();
        try {
            startCluster();
        } catch (Exception e) {
            System.err.println("kb-solr-cluster: the cluster did not start: " + e);
            e.printStackTrace(System.err);
            return 1;
        }
        out.println("ZK " + cluster.getZkServer().getZkAddress());
        for (int i = 0; i < nodes.length; i++) {
            out.println("NODE " + i + " " + nodes[i].getBaseUrl());
        }
        System.err.printf("kb-solr-cluster: %d nodes up in %.1f s, base dir %s%n",
                nodes.length, (System.nanoTime() - started) / 1e9, baseDir);
        ready.set(true);
        out.println("READY");

        while (true) {
            String line = commands.take();
            if (line.equals(EOF)) {
                System.err.println("kb-solr-cluster: end of standard input, shutting down");
                shutdown();
                return 0;
            }
            String command = line.strip();
            if (command.isEmpty()) {
                continue;
            }
            if (command.equals("quit")) {
                out.println("OK quit");
                shutdown();
                return 0;
            }
            try {
                out.println(execute(command));
            } catch (IllegalArgumentException | IllegalStateException e) {
                out.println("ERR " + command + " " + e.getMessage());
            } catch (Exception e) {
                System.err.println("kb-solr-cluster: " + command + " failed");
                e.printStackTrace(System.err);
                out.println("ERR " + command + " " + String.valueOf(e.getMessage()).replace('\n', ' '));
            }
        }
    }

    /** Reads stdin into the queue; at its end (the parent is gone) ends the JVM if the cluster is still starting. */
    private void readCommands(BlockingQueue<String> commands) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                commands.add(line);
            }
        } catch (IOException e) {
            System.err.println("kb-solr-cluster: reading standard input failed: " + e);
        }
        if (!ready.get()) {
            System.err.println("kb-solr-cluster: end of standard input while starting, exiting");
            System.exit(1); // the shutdown hook stops what has started
        }
        commands.add(EOF);
    }

    private void pluginCheck() {
        if (options.plugin == null) {
            return;
        }
        Path plugin = options.plugin.toAbsolutePath().normalize();
        if (!Files.isRegularFile(plugin)) {
            throw new IllegalArgumentException("--plugin " + plugin + ": no such file");
        }
        boolean onClassPath = Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.isEmpty())
                .map(entry -> Paths.get(entry).toAbsolutePath().normalize())
                .anyMatch(plugin::equals);
        if (!onClassPath) {
            throw new IllegalArgumentException("--plugin " + plugin + " is not on the class path: start with java -cp "
                    + plugin + java.io.File.pathSeparator + "<cluster class path> " + ClusterMain.class.getName());
        }
        System.err.println("kb-solr-cluster: plugin jar on the class path: " + plugin);
    }

    private void startCluster() throws Exception {
        cluster = new MiniSolrCloudCluster.Builder(0, baseDir).withTraceIdGenerationDisabled().build();
        JettySolrRunner[] started = new JettySolrRunner[options.nodes];
        ExecutorService pool = Executors.newFixedThreadPool(options.nodes);
        try {
            List<Future<JettySolrRunner>> futures = new ArrayList<>();
            for (int i = 0; i < options.nodes; i++) {
                int port = options.port == 0 ? 0 : options.port + i;
                String name = "node" + i;
                futures.add(pool.submit(() -> cluster.startJettySolrRunner(
                        name, "/solr", JettyConfig.builder().setPort(port).build())));
            }
            for (int i = 0; i < options.nodes; i++) {
                started[i] = futures.get(i).get();
            }
        } finally {
            pool.shutdown();
        }
        String[] names = new String[started.length];
        for (int i = 0; i < started.length; i++) {
            names[i] = started[i].getNodeName();
        }
        nodes = started;
        nodeNames = names;
        cluster.waitForAllNodes(WAIT_SECONDS);
    }

    private String execute(String command) throws Exception {
        String[] words = command.split("\\s+");
        if (words.length != 2 || !(words[0].equals("stop") || words[0].equals("start"))) {
            throw new IllegalArgumentException("unknown command (stop <i>, start <i>, quit)");
        }
        int i;
        try {
            i = Integer.parseInt(words[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a node number: " + words[1]);
        }
        if (i < 0 || i >= nodes.length) {
            throw new IllegalArgumentException("no node " + i + " (0 to " + (nodes.length - 1) + ")");
        }
        JettySolrRunner node = nodes[i];
        String nodeName = nodeNames[i];
        ZkStateReader state = cluster.getZkStateReader();
        if (words[0].equals("stop")) {
            if (!node.isRunning()) {
                throw new IllegalStateException("node " + i + " is not running");
            }
            cluster.stopJettySolrRunner(node);
            state.waitForLiveNodes(WAIT_SECONDS, TimeUnit.SECONDS, (before, after) -> !after.contains(nodeName));
            waitForEveryCollection(state, ClusterMain::leadersLive);
            return "OK stop " + i;
        }
        if (node.isRunning()) {
            throw new IllegalStateException("node " + i + " is running");
        }
        cluster.startJettySolrRunner(node, true);
        cluster.waitForNode(node, WAIT_SECONDS);
        waitForEveryCollection(state, (live, collection) -> replicasActive(collection, nodeName));
        return "OK start " + i + " " + node.getBaseUrl();
    }

    private static void waitForEveryCollection(ZkStateReader state, BiPredicate<Set<String>, DocCollection> ready)
            throws Exception {
        List<String> names = new ArrayList<>(state.getClusterState().getCollectionNames());
        for (String name : names) {
            state.waitForState(name, WAIT_SECONDS, TimeUnit.SECONDS,
                    (live, collection) -> collection == null || ready.test(live, collection));
        }
    }

    /** Every shard that still has a replica on a live node has an active leader on a live node. */
    private static boolean leadersLive(Set<String> live, DocCollection collection) {
        for (Slice slice : collection.getSlices()) {
            boolean anyLive = slice.getReplicas().stream().anyMatch(r -> live.contains(r.getNodeName()));
            Replica leader = slice.getLeader();
            if (anyLive && (leader == null || !live.contains(leader.getNodeName())
                    || leader.getState() != Replica.State.ACTIVE)) {
                return false;
            }
        }
        return true;
    }

    /** Every replica on the node is active (the node has recovered). */
    private static boolean replicasActive(DocCollection collection, String nodeName) {
        return collection.getReplicas().stream()
                .filter(r -> nodeName.equals(r.getNodeName()))
                .allMatch(r -> r.getState() == Replica.State.ACTIVE);
    }

    private void shutdown() {
        if (!down.compareAndSet(false, true)) {
            return;
        }
        MiniSolrCloudCluster running = cluster;
        if (running != null) {
            try {
                running.shutdown();
            } catch (Exception e) {
                System.err.println("kb-solr-cluster: shutting down: " + e);
            }
        }
        if (deleteBaseDir) {
            try (Stream<Path> paths = Files.walk(baseDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                    try {
                        Files.deleteIfExists(path);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (IOException | UncheckedIOException e) {
                System.err.println("kb-solr-cluster: could not delete " + baseDir + ": " + e);
            }
        }
    }

    /** The command line. */
    static final class Options {
        static final String USAGE = String.join("\n",
                "usage: java -cp <kb-solr-plugin.jar>:<cluster class path> kb.solrcluster.ClusterMain [options]",
                "  --nodes N       Solr nodes (default 2)",
                "  --port P        first node on port P, the next on P+1, ... (default: free ports)",
                "  --dir DIR       base folder, empty or new, kept at exit (default: a temporary folder, deleted)",
                "  --plugin PATH   kb's plugin jar: checked to be on the class path",
                "  --no-stdin      read no commands: run until SIGTERM or Ctrl-C (for a cluster in the background)",
                "stdout: ZK <zkHost>, NODE <i> <baseUrl>..., READY; stdin: stop <i> | start <i> | quit");

        int nodes = 2;
        int port;
        Path dir;
        Path plugin;
        boolean help;
        boolean noStdin;

        static Options parse(String[] args) {
            Options options = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--help") || arg.equals("-h")) {
                    options.help = true;
                    continue;
                }
                if (arg.equals("--no-stdin")) {
                    options.noStdin = true;
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(arg.startsWith("--") ? arg + " needs a value" : "unknown argument " + arg);
                }
                String value = args[++i];
                switch (arg) {
                    case "--nodes" -> options.nodes = number(arg, value, 1, 16);
                    case "--port" -> options.port = number(arg, value, 1, 65535);
                    case "--dir" -> options.dir = Paths.get(value);
                    case "--plugin" -> options.plugin = Paths.get(value);
                    default -> throw new IllegalArgumentException("unknown argument " + arg);
                }
            }
            if (options.port != 0 && options.port + options.nodes - 1 > 65535) {
                throw new IllegalArgumentException("--port " + options.port + " leaves no room for " + options.nodes + " nodes");
            }
            return options;
        }

        private static int number(String name, String value, int min, int max) {
            try {
                int n = Integer.parseInt(value);
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // below
            }
            throw new IllegalArgumentException(name + " takes a number from " + min + " to " + max + ", not " + value);
        }
    }
}
