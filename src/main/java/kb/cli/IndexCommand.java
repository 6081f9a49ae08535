package kb.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import kb.corpus.CorpusReader;
import kb.index.CorpusBinding;
import kb.index.CorpusMismatchException;
import kb.index.IndexMeaning;
import kb.index.IndexReport;
import kb.index.Indexer;
import kb.index.MassDeletionException;
import kb.meaning.Meaning;
import kb.solr.index.SolrIndexer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kb index}: brings the index up to date with the corpus (incrementally, or from scratch with {@code --full})
 * and reports what it did; with {@code --solr}, a SolrCloud collection instead ({@link SolrIndexRun}).
 */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = {"Update the index from the corpus folder: only articles whose content changed are re-indexed, "
                        + "articles no longer in the corpus are removed. --full rebuilds from scratch.",
                "The new index becomes current only when complete; a failed or killed run leaves the previous one in use.",
                "Files that cannot be read are skipped with a reason; the rest are indexed.",
                "An index is bound to the corpus it was built from; an update that would delete more than half of it "
                        + "waits for --allow-deletions.",
                "Every passage gets a meaning vector for search by meaning (text embedded before is reused); "
                        + "--no-meaning switches that off for the index, --meaning back on.",
                "With --solr URL --collection NAME the corpus goes to a SolrCloud collection instead: kb updates a local "
                        + "mirror index and sends the collection what changed, in one commit; --full builds a new "
                        + "collection and switches the alias NAME to it once it is complete."})
final class IndexCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    CorpusIndexOptions folders;

    @Option(names = "--max-file-size", paramLabel = "MB", defaultValue = "50",
            description = "Skip corpus files larger than this many megabytes (default: ${DEFAULT-VALUE}).")
    long maxFileMb;

    @Option(names = "--full", description = "Rebuild the whole index from scratch instead of updating what changed.")
    boolean full;

    @Option(names = "--strict", description = "Exit with status 1 when any file was skipped.")
    boolean strict;

    @Option(names = "--allow-deletions",
            description = "Let this update delete more than half of the index's articles (kb holds such an update back).")
    boolean allowDeletions;

    @Option(names = "--replace",
            description = "With --full: rebuild the index from the corpus given with --corpus, though it was built from another.")
    boolean replace;

    @CommandLine.Mixin
    MeaningOption meaning;

    @CommandLine.Mixin
    ClusterOptions cluster;

    @CommandLine.Mixin
    SolrIndexOptions clusterIndex;

    @Override
    public Integer call() throws Exception {
        if (maxFileMb < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-file-size must be at least 1 (MB), not " + maxFileMb);
        }
        for (String option : SolrIndexOptions.NAMES) {
            if (!cluster.wanted() && spec.commandLine().getParseResult().hasMatchedOption(option)) {
                throw new CommandLine.ParameterException(spec.commandLine(), option + " goes with --solr URL");
            }
        }
        Path corpus = folders.givenCorpus();
        Path index = cluster.wanted() ? solrMirror() : folders.index();
        if (replace && (!full || corpus == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--replace rebuilds the index from another corpus: give it with --full and --corpus DIR");
        }
        PrintWriter err = spec.commandLine().getErr();
        Path source = replace ? corpus : kb.index.CorpusBinding.choose(index, corpus);
        if (corpus == null && !replace && !java.nio.file.Files.isDirectory(source)
                && CorpusBinding.of(index).isPresent()) {
            err.println("kb index: the corpus folder " + source + " that the index in " + index + " was built from does "
                    + "not exist. If it moved, point the index at its new place: kb index --full --corpus NEW --index "
                    + index + " --replace");
            return 1;
        }
        // Progress goes to stderr, so the report on stdout stays clean for scripts.
        Indexer.Options options = new Indexer.Options(allowDeletions, replace).withMeaning(meaning.recorded());
        if (meaning.wanted(IndexMeaning.of(index))) {
            // The model loads when the first text is to be embedded: a run with nothing new to embed (an index up to
            // date, or text embedded before) never pays its two seconds.
            java.util.Optional<String> refused = Meaning.refusedHere();
            if (refused.isEmpty()) {
                options = options.withEmbedder(new LoadingEmbedder(MeaningOption::shared), Indexer.Options.UNLIMITED);
            } else {
                err.println("kb index: " + refused.get());
            }
        }
        if (cluster.wanted()) {
            return SolrIndexRun.run(spec.commandLine(), cluster, clusterIndex, source, index, full ? Indexer.Mode.FULL
                    : Indexer.Mode.INCREMENTAL, options, strict, maxFileMb * 1024 * 1024);
        }
        ProgressDisplay progress = ProgressDisplay.forConsole(err);
        IndexReport report;
        try {
            report = new Indexer(new CorpusReader(maxFileMb * 1024 * 1024)).index(source, index,
                    full ? Indexer.Mode.FULL : Indexer.Mode.INCREMENTAL, progress, options);
        } catch (MassDeletionException e) {
            progress.finish();
            err.println("kb index: " + e.getMessage() + ". If those files were removed on purpose, run again with "
                    + "--allow-deletions.");
            return 1;
        } catch (CorpusMismatchException e) {
            progress.finish();
            throw e; // reported by Main, exit 2
        }
        progress.finish();
        spec.commandLine().getOut().println(report.summary());
        if (report.committed()) {
            spec.commandLine().getOut().println("Index: " + index.toAbsolutePath().normalize());
        }
        if (!report.committed() && !report.upToDate()) {
            return 1;
        }
        return strict && !report.skipped().isEmpty() ? 1 : 0;
    }

    /** The mirror of {@code --collection}, after checking the cluster options make sense together. */
    private Path solrMirror() {
        try {
            new SolrIndexer.Target(cluster.collection, clusterIndex.shards, clusterIndex.replicas);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (spec.commandLine().getParseResult().hasMatchedOption("--index")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--index names the embedded index; with "
                    + "--solr, kb's local copy of the collection is --mirror DIR");
        }
        return clusterIndex.mirrorDir(cluster.collection);
    }
}
