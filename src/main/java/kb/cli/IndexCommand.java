package kb.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import kb.corpus.CorpusReader;
import kb.index.IndexReport;
import kb.index.Indexer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kb index}: brings the index up to date with the corpus (incrementally, or from scratch with {@code --full})
 * and reports what it did.
 */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = {"Update the index from the corpus folder: only articles whose content changed are re-indexed, "
                        + "articles no longer in the corpus are removed. --full rebuilds from scratch.",
                "The new index becomes current only when complete; a failed or killed run leaves the previous one in use.",
                "Files that cannot be read are skipped with a reason; the rest are indexed."})
final class IndexCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--corpus", paramLabel = "DIR", description = "Corpus folder (default: ${DEFAULT-VALUE}).", defaultValue = "corpus")
    Path corpus;

    @Option(names = "--index", paramLabel = "DIR", description = "Index folder (default: ${DEFAULT-VALUE}).", defaultValue = "index")
    Path index;

    @Option(names = "--max-file-size", paramLabel = "MB", defaultValue = "50",
            description = "Skip corpus files larger than this many megabytes (default: ${DEFAULT-VALUE}).")
    long maxFileMb;

    @Option(names = "--full", description = "Rebuild the whole index from scratch instead of updating what changed.")
    boolean full;

    @Option(names = "--strict", description = "Exit with status 1 when any file was skipped.")
    boolean strict;

    @Override
    public Integer call() throws Exception {
        if (maxFileMb < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-file-size must be at least 1 (MB), not " + maxFileMb);
        }
        // Progress goes to stderr, so the report on stdout stays clean for scripts.
        ProgressDisplay progress = ProgressDisplay.forConsole(spec.commandLine().getErr());
        IndexReport report = new Indexer(new CorpusReader(maxFileMb * 1024 * 1024)).index(corpus, index,
                full ? Indexer.Mode.FULL : Indexer.Mode.INCREMENTAL, progress);
        progress.finish();
        spec.commandLine().getOut().println(report.summary());
        if (report.committed()) {
            spec.commandLine().getOut().println("Index: " + index.toAbsolutePath().normalize());
        }
        if (!report.committed()) {
            return 1;
        }
        return strict && !report.skipped().isEmpty() ? 1 : 0;
    }
}
