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
 * Which corpus an index belongs to, as its last commit records it: the corpus folder's real path and the id the
 * index was given at creation. Every command that updates an index checks it, so an index is only ever updated from
 * its own corpus; an index built before kb recorded this has no binding and takes the next corpus it is updated from.
 */
public record CorpusBinding(Path corpus, String indexId) {
    /** The corpus used when neither the command line nor the index names one. */
    public static final Path DEFAULT_CORPUS = Path.of("corpus");

    /** The binding recorded in {@code indexDir}'s last commit; empty when there is no index or it records none. */
    public static Optional<CorpusBinding> of(Path indexDir) {
        if (!Files.isDirectory(indexDir)) {
            return Optional.empty();
        }
        try (Directory dir = FSDirectory.open(indexDir)) {
            return of(dir);
        } catch (IOException | RuntimeException unreadable) {
            // A damaged index binds nothing; the commands that open it say what is wrong.
            return Optional.empty();
        }
    }

    static Optional<CorpusBinding> of(Directory dir) throws IOException {
        if (!DirectoryReader.indexExists(dir)) {
            return Optional.empty();
        }
        return of(SegmentInfos.readLatestCommit(dir).getUserData());
    }

    static Optional<CorpusBinding> of(Map<String, String> commitData) {
        String path = commitData.get(Fields.COMMIT_CORPUS_PATH);
        return path == null || path.isEmpty() ? Optional.empty()
                : Optional.of(new CorpusBinding(Path.of(path), commitData.getOrDefault(Fields.COMMIT_INDEX_ID, "")));
    }

    /**
     * The corpus a command works on: the index's own corpus when {@code given} (from {@code --corpus}) is null, else
     * {@code given}, which must then be the index's corpus; {@code corpus/} for a new index or one that records none.
     */
    public static Path choose(Path indexDir, Path given) throws CorpusMismatchException {
        Optional<CorpusBinding> bound = of(indexDir);
        if (given == null) {
            return bound.map(CorpusBinding::corpus).orElse(DEFAULT_CORPUS);
        }
        if (bound.isPresent() && !bound.get().isCorpus(given)) {
            throw new CorpusMismatchException(indexDir, bound.get().corpus(), given);
        }
        return given;
    }

    /** Whether {@code corpusDir} is this binding's corpus: the same real path, or for a missing folder the same path. */
    public boolean isCorpus(Path corpusDir) {
        try {
            return corpusDir.toRealPath().equals(corpus);
        } catch (IOException missing) {
            return corpusDir.toAbsolutePath().normalize().equals(corpus);
        }
    }
}
