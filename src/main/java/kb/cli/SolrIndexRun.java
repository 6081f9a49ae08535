package kb.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import kb.corpus.CorpusReader;
import kb.index.Indexer;
import kb.index.MassDeletionException;
import kb.solr.SolrNodes;
import kb.solr.index.SolrIndexReport;
import kb.solr.index.SolrIndexer;
import picocli.CommandLine;

/**
 * {@code kb index --solr}: runs {@link SolrIndexer} with the command's options and prints its report like {@code kb
 * index} does (progress on stderr, the report on stdout). Exit codes as {@code kb index}: 1 when nothing could be
 * indexed, or with {@code --strict} when a file was skipped; a cluster failure is one line from {@link Main}.
 */
final class SolrIndexRun {
    /** How long one request may take on a node: creating a collection and committing a large batch take a while. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);

    private SolrIndexRun() {}

    static int run(CommandLine cli, ClusterOptions cluster, SolrIndexOptions layout, Path corpus, Path mirror, Indexer.Mode mode,
            Indexer.Options options, boolean strict, long maxFileBytes) throws Exception {
        // Checked by IndexCommand before the mirror was chosen.
        SolrIndexer.Target target = new SolrIndexer.Target(cluster.collection, layout.shards, layout.replicas);
        SolrNodes nodes = cluster.nodes(cli, REQUEST_TIMEOUT);
        PrintWriter err = cli.getErr();
        ProgressDisplay progress = ProgressDisplay.forConsole(err);
        SolrIndexReport report;
        try (nodes) {
            try {
                report = new SolrIndexer(nodes, new Indexer(new CorpusReader(maxFileBytes)), Clock.systemUTC())
                        .index(corpus, mirror, target, mode, progress, options);
            } finally {
                progress.finish();
            }
        } catch (MassDeletionException e) {
            err.println("kb index: " + e.getMessage() + ". If those files were removed on purpose, run again with "
                    + "--allow-deletions.");
            return 1;
        }
        cli.getOut().println(report.summary());
        if (!report.upToDate()) {
            return 1;
        }
        return strict && !report.mirror().skipped().isEmpty() ? 1 : 0;
    }
}
