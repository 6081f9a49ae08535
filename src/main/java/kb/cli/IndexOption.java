package kb.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --index DIR} (default {@code index}): the index folder, for every command that reads or builds kb's index.
 * Mixed in with {@code @Mixin}, alone or as part of {@link CorpusIndexOptions}.
 */
final class IndexOption {
    @Option(names = "--index", paramLabel = "DIR", defaultValue = "index", description = "Index folder (default: ${DEFAULT-VALUE}).")
    Path index;
}
