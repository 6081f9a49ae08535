package kb.cli;

import java.nio.file.Path;
import kb.index.CorpusBinding;
import kb.index.CorpusMismatchException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --corpus DIR} and {@code --index DIR} for the commands that bring the index up to date from a corpus
 * ({@code kb index}, {@code kb serve}, {@code kb eval}): an index is bound to the corpus it was built from, so
 * {@code --corpus} defaults to that one ({@code corpus/} for a new index), and another one is refused
 * ({@link CorpusMismatchException}, which {@link Main} reports as a usage error, exit 2).
 *
 * <p>A command may word the {@code --corpus} description its own way with a resource bundle key {@code corpus}
 * (see {@link EvalCommand}); the option itself is declared only here.
 */
final class CorpusIndexOptions {
    @Mixin
    IndexOption indexOption;

    @Option(names = "--corpus", paramLabel = "DIR", descriptionKey = "corpus",
            description = "Corpus folder (default: the one the index was built from; corpus/ for a new index).")
    Path corpus;

    /** The index folder, from {@code --index}. */
    Path index() {
        return indexOption.index;
    }

    /** The corpus folder as given with {@code --corpus}; null when it was left out. */
    Path givenCorpus() {
        return corpus;
    }

    /**
     * The corpus to read: the index's own when {@code --corpus} was left out ({@code corpus/} for a new index),
     * else the one given, which must be the index's own.
     */
    Path boundCorpus() throws CorpusMismatchException {
        return CorpusBinding.choose(index(), corpus);
    }
}
