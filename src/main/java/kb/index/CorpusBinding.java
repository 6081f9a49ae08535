package kb.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Which corpus an index belongs to, as its last commit records it: the corpus folder's real path, the path it was
 * given as (so a symbolic link moved to a new release still names it) and the id the index was given at creation.
 * Every command that updates an index checks it, so an index is only ever updated from its own corpus; an index built
 * before kb recorded this has no binding and takes the next corpus it is updated from.
 */
public record CorpusBinding(Path corpus, Path given, String indexId) {
    /** The corpus used when neither the command line nor the index names one. */
    public static final Path DEFAULT_CORPUS = Path.of("corpus");

    /** The binding recorded in {@code indexDir}'s last commit; empty when there is no index or it records none. */
    public static Optional<CorpusBinding> of(Path indexDir) {
        try {
            return read(indexDir);
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    /** As {@link #of(Path)}, but an index whose last commit cannot be read is an error, not "no binding". */
    static Optional<CorpusBinding> read(Path indexDir) throws IOException {
        if (!Files.isDirectory(indexDir)) {
            return Optional.empty();
        }
        try (Directory dir = FSDirectory.open(indexDir)) {
            if (!DirectoryReader.indexExists(dir)) {
                return Optional.empty();
            }
            return of(SegmentInfos.readLatestCommit(dir).getUserData());
        } catch (RuntimeException e) {
            throw new IOException(e);
        }
    }

    static Optional<CorpusBinding> of(Map<String, String> commitData) {
        String path = commitData.get(Fields.COMMIT_CORPUS_PATH);
        if (path == null || path.isEmpty()) {
            return Optional.empty();
        }
        String given = commitData.getOrDefault(Fields.COMMIT_CORPUS_GIVEN, path);
        return Optional.of(new CorpusBinding(Path.of(path), Path.of(given.isEmpty() ? path : given),
                commitData.getOrDefault(Fields.COMMIT_INDEX_ID, "")));
    }

    /**
     * The corpus a command works on: the index's own corpus (as it was given) when {@code given} (from
     * {@code --corpus}) is null, else {@code given}, which must then be the index's corpus; {@code corpus/} for a new
     * index or one that records none. An index whose commit cannot be read names no corpus, so one must be given.
     */
    public static Path choose(Path indexDir, Path given) throws CorpusMismatchException {
        Optional<CorpusBinding> bound;
        try {
            bound = read(indexDir);
        } catch (IOException unreadable) {
            if (given != null) {
                return given;
            }
            throw new CorpusMismatchException("The index in " + indexDir + " cannot be read, so kb cannot tell which "
                    + "corpus it was built from. Name it: kb index --full --corpus DIR --index " + indexDir
                    + " (kb check --index " + indexDir + " says whether the index can be repaired that way or its "
                    + "folder must be deleted first).");
        }
        if (given == null) {
            return bound.map(CorpusBinding::given).orElse(DEFAULT_CORPUS);
        }
        if (bound.isPresent() && !bound.get().isCorpus(given)) {
            throw new CorpusMismatchException(indexDir, bound.get().corpus(), given);
        }
        return given;
    }

    /** Whether {@code corpusDir} is this binding's corpus: the same real path, or the same path as given. */
    public boolean isCorpus(Path corpusDir) {
        Path absolute = corpusDir.toAbsolutePath().normalize();
        if (absolute.equals(given) || absolute.equals(corpus)) {
            return true;
        }
        try {
            return corpusDir.toRealPath().equals(corpus);
        } catch (IOException missing) {
            return false;
        }
    }
}
